using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

/// <summary>
/// The public "vägen in": only entries marked public, with the role's own phone and mailbox and the holder's
/// name, never a personal e-mail, phone or history. An association with no public entries has no public page.
/// </summary>
[AllowAnonymous]
public sealed class PublicDirectoryModel(SamordnaDb db, ContactDirectory directory) : StructurePage(db)
{
    public string? Query { get; private set; }
    public List<DirectoryHit> Hits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, string? q)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        if ((await directory.SearchAsync(associationId, null, publicView: true)).Count == 0) return NotFound();
        Query = q;
        Hits = await directory.SearchAsync(associationId, q, publicView: true);
        return Page();
    }
}
