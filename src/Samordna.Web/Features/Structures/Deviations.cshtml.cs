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
        return result.IsValid ? Redirect($"/Associations/{associationId}/Deviations") : await RefusedAsync(result.Errors, () => LoadAsync(associationId, null));
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
