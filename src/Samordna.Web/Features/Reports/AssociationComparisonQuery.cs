using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Core.Measurement;
using Samordna.Core.Participants;
using Samordna.Core.Reports;
using Samordna.Web.Data;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Features.Participants;

namespace Samordna.Web.Features.Reports;

public sealed record AssociationComparisonRow(string Association, int Interventions, decimal InterventionBudget, decimal? InterventionOutcome,
    long? Contributions, decimal? CostPerParticipant, long? Participants, ShareCell AtExit, ShareCell After90Days, ShareCell After365Days);

/// <summary>The opted-in associations side by side for a year, aggregates only; "Alla" sums the participating associations.</summary>
public sealed record AssociationComparison(int Year, int Threshold, IReadOnlyList<AssociationComparisonRow> Rows, AssociationComparisonRow All,
    IReadOnlyList<InstrumentChoice> Instruments, IReadOnlyList<Definition> Definitions);

public sealed record InstrumentChoice(string Code, int Version, string Title, int Rounds, int Associations);

/// <summary>
/// The collaboration measurement over the opted-in associations' published rounds of one instrument version: per item,
/// one group per association and "Alla" (the national aggregate), through the survey results' suppression.
/// </summary>
public sealed record NationalMeasurement(string Instrument, int Version, string Title, int Rounds, int Associations, int Threshold,
    IReadOnlyList<ItemResult> Items, Definition Definition);

/// <summary>
/// The comparison of associations on one installation (issue 7, item 3; issue 3, item 11). Only associations whose
/// administrator opted in are read; only aggregates leave this class, each through the same suppression as the
/// association's own reports (participants: <see cref="OutcomeTable"/>; answers: <see cref="ItemResults"/>).
/// </summary>
public sealed class AssociationComparisonQuery(SamordnaDb db, ParticipantReportQueries participants, MeasurementOptions options, TimeProvider clock)
{
    public const string AllAssociations = "Alla deltagande förbund";

    public static IReadOnlyList<Definition> Definitions { get; } =
    [
        ComparisonDefinitions.Budget, ComparisonDefinitions.Participants, ComparisonDefinitions.WorkOrStudies("vid utskrivning"),
        ComparisonDefinitions.WorkOrStudies("90 dagar efter utskrivning"), ComparisonDefinitions.WorkOrStudies("ett år efter utskrivning"),
        ComparisonDefinitions.CostPerParticipant, ComparisonDefinitions.UpperThree,
    ];

    private async Task<List<(int Id, string Name)>> OptedInAsync() =>
        (await db.Associations.AsNoTracking().Where(a => db.ComparisonOptIns.Any(o => o.AssociationId == a.Id)).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync()).Select(a => (a.Id, a.Name)).ToList();

    public async Task<AssociationComparison> ForAsync(int year)
    {
        const int t = CellSuppression.DefaultThreshold;
        var associations = await OptedInAsync();
        var ids = associations.Select(a => a.Id).ToList();
        var budgetYears = (await db.InterventionBudgetYears.AsNoTracking().Include(y => y.Lines)
                .Where(y => y.Year == year && db.Interventions.Any(i => i.Id == y.InterventionId && ids.Contains(i.AssociationId)))
                .Select(y => new { Row = y, AssociationId = db.Interventions.Where(i => i.Id == y.InterventionId).Select(i => i.AssociationId).First() })
                .ToListAsync())
            .ToLookup(y => y.AssociationId, y => SaveBudgetYear.ToFigures(y.Row));
        var contributions = await db.FundingYears.AsNoTracking().Where(f => f.Year == year && ids.Contains(f.AssociationId))
            .ToDictionaryAsync(f => f.AssociationId, f => f.Total);

        // Each association's participant facts, labelled with the association: the groups of the suppressed tables.
        var facts = new List<EpisodeFacts>();
        foreach (var (id, name) in associations)
            facts.AddRange((await participants.FactsAsync(id, year)).Select(f => f with { Intervention = name }));
        var counts = ParticipantReport.Counts(facts, ReportBreakdown.Intervention, t);
        var tables = Enum.GetValues<OutcomePoint>().Select(p => ParticipantReport.WorkOrStudies(facts, p, ReportBreakdown.Intervention, t)).ToList();
        TableRow? Find(SuppressedTable table, string group) => table.Rows.SingleOrDefault(r => r.Group == group);

        AssociationComparisonRow Row(string name, IReadOnlyList<BudgetYearFigures> years, long? contribution, TableRow? count, Func<SuppressedTable, TableRow?> pick)
        {
            var outcomes = years.Select(y => y.AssociationOutcome).Where(o => o is not null).ToList();
            return new AssociationComparisonRow(name, years.Count, years.Sum(y => y.AssociationBudget), outcomes.Count == 0 ? null : outcomes.Sum(),
                contribution, BudgetRules.CostPerParticipant(years), count?.Total,
                ShareCell.From(pick(tables[0])), ShareCell.From(pick(tables[1])), ShareCell.From(pick(tables[2])));
        }

        var rows = associations.Select(a => Row(a.Name, budgetYears[a.Id].ToList(), contributions.TryGetValue(a.Id, out var c) ? c : null,
            Find(counts, a.Name), table => Find(table, a.Name))).ToList();
        var all = Row(AllAssociations, budgetYears.SelectMany(g => g).ToList(), contributions.Count == 0 ? null : contributions.Values.Sum(),
            Guarded(counts), Guarded);
        return new AssociationComparison(year, t, rows, all, await InstrumentsAsync(), Definitions);
    }

    /// <summary>
    /// The "Alla" row, without its total (and so its cells, whose percentages would give the total) when some
    /// association's total is hidden: OutcomeTable protects the cells against subtraction, but "Alla" minus the shown
    /// totals would give the hidden total back.
    /// </summary>
    private static TableRow Guarded(SuppressedTable table) =>
        table.Rows.Any(r => r.Total is null) && table.All.Total is not null
            ? table.All with { Total = null, Cells = table.All.Cells.Select(c => c with { Count = null, Percent = null }).ToList() }
            : table.All;

    /// <summary>
    /// Rounds whose results are published: imported ones, and link-answered ones once closed (as on the round's own
    /// results page), of opted-in associations.
    /// </summary>
    private IQueryable<SurveyRound> PublishedRounds()
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return db.SurveyRounds.AsNoTracking()
            .Where(r => db.ComparisonOptIns.Any(o => o.AssociationId == r.AssociationId))
            .Where(r => !db.SurveyInvitations.Any(i => i.RoundId == r.Id) || (r.ClosesOn != null && r.ClosesOn < today));
    }

    public async Task<List<InstrumentChoice>> InstrumentsAsync() =>
        (await PublishedRounds().GroupBy(r => new { r.Instrument!.Code, r.Instrument.Version, r.Instrument.Title })
            .Select(g => new { g.Key.Code, g.Key.Version, g.Key.Title, Rounds = g.Count(), Associations = g.Select(r => r.AssociationId).Distinct().Count() })
            .ToListAsync())
        .OrderBy(i => i.Code, StringComparer.Ordinal).ThenByDescending(i => i.Version)
        .Select(i => new InstrumentChoice(i.Code, i.Version, i.Title, i.Rounds, i.Associations)).ToList();

    /// <summary>Null when no opted-in association has a published round of the instrument (its newest such version when none is given).</summary>
    public async Task<NationalMeasurement?> MeasurementAsync(string instrument, int? version)
    {
        var choice = (await InstrumentsAsync()).Where(i => i.Code == instrument && (version is null || i.Version == version)).FirstOrDefault();
        if (choice is null) return null;
        var stored = await db.SurveyInstruments.AsNoTracking().SingleAsync(i => i.Code == choice.Code && i.Version == choice.Version);
        var definition = InstrumentBank.Definition(stored);
        var rounds = PublishedRounds().Where(r => r.InstrumentId == stored.Id);
        var names = await db.Associations.AsNoTracking().Where(a => rounds.Any(r => r.AssociationId == a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        // One grouped count over every round: item × association × answer code, as a round's own results are counted.
        var counts = await (from a in db.SurveyAnswers
                            join rec in db.SurveyRecords on a.RecordId equals rec.Id
                            join r in rounds on rec.RoundId equals r.Id
                            group a by new { a.ItemCode, r.AssociationId, a.Value } into g
                            select new { g.Key.ItemCode, g.Key.AssociationId, g.Key.Value, Count = g.LongCount() }).ToListAsync();
        var byItem = counts.ToLookup(c => c.ItemCode);
        var order = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false);
        var items = MeasurementResults.ScaleItems(definition).Select(item =>
        {
            var scale = definition.ScaleOf(item);
            var groups = byItem[item.Code].GroupBy(c => names[c.AssociationId]).OrderBy(g => g.Key, order)
                .Select(g => MeasurementResults.CountsOf(scale, g.Key, g.Select(c => ((string?)c.Value, c.Count)))).ToList();
            // The breakdown is protected against "Alla" as published; "Alla" itself (the national aggregate) is
            // summarised on its own, as a round's results without a breakdown are, and listed last.
            var byAssociation = ItemResults.SummariseCounts(item, scale, groups, options.SuppressionThreshold);
            var national = ItemResults.SummariseCounts(item, scale, [ItemResults.Sum(ItemResults.AllGroup, groups, scale)], options.SuppressionThreshold);
            return byAssociation with { Groups = [.. byAssociation.Groups.Where(g => g.Group != ItemResults.AllGroup), .. national.Groups] };
        }).ToList();
        return new NationalMeasurement(choice.Code, choice.Version, choice.Title, choice.Rounds, choice.Associations, options.SuppressionThreshold,
            items, ComparisonDefinitions.UpperThree);
    }
}
