using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// The intervention page: facts, status with every decision, goals, staffing, money per year, readiness, plan,
/// anchoring and findings; for those who manage interventions, the decision form (posted to the decision page).
/// </summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class OverviewModel(InterventionQueries queries, CurrentGrants grants, TheoryOfChangeStore theories) : InterventionPageModel(queries, grants)
{
    /// <summary>Set by a page that saved something, shown by _Saved where it redirected to (e.g. a decision and its warnings).</summary>
    public const string SavedKey = "Saved", WarningsKey = "Warnings";

    public override string Section => "overview";
    public TheoryOfChangeStore.Saved? TheoryOfChange { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        TheoryOfChange = await theories.LatestAsync(interventionId);
        return Page();
    }

    public DecisionFormView DecisionForm => new(this, Intervention.Id, Intervention.Status, Interventions.DecisionForm.For(Intervention.Status, Today));

    public IReadOnlyList<ChangeActivity> Undelivered => TheoryOfChange?.Content.Undelivered(HasEnded) ?? [];
}
