using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Anyone with a role in the association may report a failure in collaboration; handling is for the coordinators.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class DeviationNewModel(SamordnaDb db, DeviationReports reports) : StructurePage(db)
{
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, bool? saved)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        Saved = saved == true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId, string? category, string? description, string? actors, string? recipient, DateOnly? reportedOn)
    {
        var list = (actors ?? "").Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = await reports.ReportAsync(associationId, new DeviationRequest(category, description, list, recipient, reportedOn));
        return result.IsValid ? Redirect($"/Associations/{associationId}/Deviations/New?saved=true") : await RefusedAsync(result.Errors, () => LoadAssociationAsync(associationId));
    }
}
