using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Handling deviation reports: status and action taken, and counts per category and actor.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class DeviationsModel(SamordnaDb db, DeviationReports reports) : StructurePage(db)
{
    public List<CollaborationDeviation> Deviations { get; private set; } = [];
    public int? Year { get; private set; }
    public IReadOnlyList<DeviationCount> PerCategory { get; private set; } = [];
    public IReadOnlyList<DeviationCount> PerActor { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, int? showYear) => await LoadAsync(associationId, showYear) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId, int deviationId, string? status, string? actionTaken, int? revision)
    {
        var result = await reports.UpdateAsync(associationId, deviationId, new DeviationUpdate(status, actionTaken, revision));
        if (result is null) return NotFound();
        if (result.IsValid) return Redirect($"/Associations/{associationId}/Deviations");
        // Each deviation's form has its own field ids, so the error summary links to the row that was refused.
        var errors = result.Errors.Select(e => e.Field is "status" or "actionTaken" ? e with { Field = $"{e.Field}-{deviationId}" } : e).ToList();
        return await RefusedAsync(errors, () => LoadAsync(associationId, null));
    }

    private async Task<bool> LoadAsync(int associationId, int? year)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        Year = year;
        Deviations = await reports.ListAsync(associationId);
        (PerCategory, PerActor) = DeviationReports.Statistics(Deviations, year);
        return true;
    }
}
