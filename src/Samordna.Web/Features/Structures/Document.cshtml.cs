using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>One document with all its versions, each downloadable.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class DocumentModel(SamordnaDb db, StructureDocuments documents, CurrentGrants grants) : StructurePage(db)
{
    public DocumentView View { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int documentId)
    {
        if (!await LoadAssociationAsync(associationId) || await documents.FindAsync(associationId, documentId) is not { } view) return NotFound();
        View = view;
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync([FromRoute] int associationId, [FromRoute] int documentId, int version) =>
        await documents.ContentAsync(associationId, documentId, version, publicOnly: false) is { } v ? File(v.Content, v.ContentType, v.FileName) : NotFound();
}
