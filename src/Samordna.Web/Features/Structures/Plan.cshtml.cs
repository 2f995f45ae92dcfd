using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>An action plan and its half-year coordinator report, in the structure Höglandet's reports use (seed 001).</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class PlanModel(SamordnaDb db, ActionPlans plans, StructureQueries queries, CurrentGrants grants) : StructurePage(db)
{
    public HalfYearReport Report { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int planId, string? period)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        var p = ReportPeriod.Parse(period) ?? ReportPeriod.Containing(queries.Today);
        if (await plans.HalfYearReportAsync(associationId, planId, p) is not { } report) return NotFound();
        Report = report;
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        return Page();
    }
}
