using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>A new template or guide with its first version (an uploaded file or text).</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class DocumentNewModel(SamordnaDb db, StructureDocuments documents) : StructurePage(db)
{
    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId) => await LoadAssociationAsync(associationId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId)
    {
        var result = await documents.CreateAsync(associationId, DocumentForm.Request(Request.Form), await DocumentForm.ContentAsync(Request.Form));
        return result.IsValid
            ? Redirect($"/Associations/{associationId}/Structures/Documents/{result.Value!.Id}")
            : await RefusedAsync(result.Errors, () => LoadAssociationAsync(associationId));
    }
}
