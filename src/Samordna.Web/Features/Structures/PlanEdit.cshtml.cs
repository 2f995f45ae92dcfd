using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Adds development areas to a plan and reports each one's status for a half-year.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class PlanEditModel(SamordnaDb db, ActionPlans plans, StructureQueries queries) : StructurePage(db)
{
    public HalfYearReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int planId, string? period) =>
        await LoadAsync(associationId, planId, period) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActivityAsync([FromRoute] int associationId, [FromRoute] int planId, string? period, string? activityTitle, int? activityYear)
    {
        var result = await plans.AddActivityAsync(associationId, planId, activityTitle, activityYear);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Associations/{associationId}/Structures/Plans/{planId}/Edit?period={period}") : await RefusedAsync(result.Errors, () => LoadAsync(associationId, planId, period));
    }

    public async Task<IActionResult> OnPostReportAsync([FromRoute] int associationId, [FromRoute] int planId, string? period,
        Dictionary<int, string> status, Dictionary<int, string> comment, string? other, string? plansAhead, int? revision)
    {
        if (ReportPeriod.Parse(period) is not { } p) return NotFound();
        var requests = status.ToDictionary(s => s.Key, s => new ActivityStatusRequest(s.Value, comment.GetValueOrDefault(s.Key)));
        var errors = await plans.ReportAsync(associationId, planId, p, requests, other, plansAhead, revision);
        if (errors is null) return NotFound();
        return errors.Count == 0 ? Redirect($"/Associations/{associationId}/Structures/Plans/{planId}?period={p.Code}") : await RefusedAsync(errors, () => LoadAsync(associationId, planId, period));
    }

    private async Task<bool> LoadAsync(int associationId, int planId, string? period)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        var p = ReportPeriod.Parse(period) ?? ReportPeriod.Containing(queries.Today);
        if (await plans.HalfYearReportAsync(associationId, planId, p) is not { } report) return false;
        Report = report;
        return true;
    }
}
