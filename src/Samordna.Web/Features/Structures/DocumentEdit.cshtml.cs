using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Changes a document's description or uploads its next version; both carry the revision the page was opened on.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class DocumentEditModel(SamordnaDb db, StructureDocuments documents) : StructurePage(db)
{
    public DocumentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int documentId) =>
        await LoadAsync(associationId, documentId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDescribeAsync([FromRoute] int associationId, [FromRoute] int documentId)
    {
        var result = await documents.UpdateAsync(associationId, documentId, DocumentForm.Request(Request.Form));
        return await AfterAsync(result?.Errors, associationId, documentId);
    }

    public async Task<IActionResult> OnPostVersionAsync([FromRoute] int associationId, [FromRoute] int documentId)
    {
        var result = await documents.AddVersionAsync(associationId, documentId, await DocumentForm.ContentAsync(Request.Form), DocumentForm.Revision(Request.Form));
        return await AfterAsync(result?.Errors, associationId, documentId);
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<Core.Common.FieldError>? errors, int associationId, int documentId) => errors switch
    {
        null => NotFound(),
        { Count: 0 } => Redirect($"/Associations/{associationId}/Structures/Documents/{documentId}"),
        _ => await RefusedAsync(errors, () => LoadAsync(associationId, documentId)),
    };

    private async Task<bool> LoadAsync(int associationId, int documentId)
    {
        if (!await LoadAssociationAsync(associationId) || await documents.FindAsync(associationId, documentId) is not { } view) return false;
        View = view;
        return true;
    }
}
