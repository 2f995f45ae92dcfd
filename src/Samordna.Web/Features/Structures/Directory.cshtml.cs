using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>"Vägen in": find the role that is the way into another organisation, and who holds it today.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class DirectoryModel(SamordnaDb db, ContactDirectory directory, CurrentGrants grants) : StructurePage(db)
{
    public string? Query { get; private set; }
    public List<DirectoryHit> Hits { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, string? q)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        Query = q;
        Hits = await directory.SearchAsync(associationId, q, publicView: false);
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        return Page();
    }
}
