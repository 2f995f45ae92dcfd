using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>The association's templates and guides, internal ones included (any role of the association may read them).</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class DocumentsModel(SamordnaDb db, StructureDocuments documents, CurrentGrants grants) : StructurePage(db)
{
    public List<DocumentView> Documents { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        Documents = await documents.ListAsync(associationId, publicOnly: false);
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        return Page();
    }
}
