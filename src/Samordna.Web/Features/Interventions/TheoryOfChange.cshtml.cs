using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// A saved version of the theory of change (the latest, or ?version=N) drawn as columns from resources to long-term
/// outcomes, followed by the same content as nested lists; every version with who saved it and when.
/// </summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class TheoryOfChangeModel(InterventionQueries queries, CurrentGrants grants, TheoryOfChangeStore store) : InterventionPageModel(queries, grants)
{
    public override string Section => "theory";
    public TheoryOfChangeStore.Saved? Shown { get; private set; }
    public List<(int Version, DateTime CreatedAt, string CreatedBy)> Versions { get; private set; } = [];
    public int Latest => Versions.Count == 0 ? 0 : Versions.Max(v => v.Version);

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId, int? version)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Versions = await store.VersionsAsync(interventionId);
        Shown = await store.LatestAsync(interventionId, version);
        return version is not null && Shown is null ? NotFound() : Page();
    }

    public TheoryOfChange Theory => Shown!.Content;

    /// <summary>Planned activities count as undelivered once the intervention has ended (Core's rule).</summary>
    public bool IsUndelivered(ChangeActivity activity) => Theory.Undelivered(HasEnded).Contains(activity);

    public IReadOnlyList<ChangeOutcome> OutcomesOf(OutcomeTerm term) => Theory.Outcomes.Where(o => o.Term == term).ToList();

    public IReadOnlyList<ChangeIndicator> IndicatorsOf(ChangeOutcome outcome) =>
        Theory.Indicators.Where(i => string.Equals(i.OutcomeCode, outcome.Code, StringComparison.OrdinalIgnoreCase)).ToList();

    public static string Describe(ChangeIndicator i) =>
        $"{i.Text} ({TheoryOfChangeNames.Swedish(i.Source)}{(i.Reference is null ? "" : ": " + Reference(i))}{(i.Target is { } t ? $", målvärde {Show.Number(t)}" : "")})";

    private static string Reference(ChangeIndicator i) =>
        i.Source == IndicatorSource.ParticipantOutcome && TheoryOfChangeRules.ParticipantOutcomes.TryGetValue(i.Reference!, out var name) ? name : i.Reference!;
}
