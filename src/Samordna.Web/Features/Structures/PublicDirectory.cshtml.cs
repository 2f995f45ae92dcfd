using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

/// <summary>
/// The public "vägen in": only entries marked public, with the role's own phone and mailbox and the holder's
/// name, never a personal e-mail, phone or history; and the public documents (templates, guides) to download. An association
/// with neither has no public page.
/// </summary>
[AllowAnonymous]
public sealed class PublicDirectoryModel(SamordnaDb db, ContactDirectory directory, StructureDocuments documents) : StructurePage(db)
{
    public string? Query { get; private set; }
    public List<DirectoryHit> Hits { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, string? q)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        Documents = await documents.ListAsync(associationId, publicOnly: true);
        if ((await directory.SearchAsync(associationId, null, publicView: true)).Count == 0 && Documents.Count == 0) return NotFound();
        Query = q;
        Hits = await directory.SearchAsync(associationId, q, publicView: true);
        return Page();
    }

    /// <summary>The latest version of a public document; an internal one is not found here.</summary>
    public async Task<IActionResult> OnGetDocumentAsync([FromRoute] int associationId, int document) =>
        await documents.ContentAsync(associationId, document, null, publicOnly: true) is { } v ? File(v.Content, v.ContentType, v.FileName) : NotFound();
}
