using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Core.Measurement;
using Samordna.Core.Participants;
using Samordna.Core.Reports;
using Samordna.Web.Data;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Participants;

namespace Samordna.Web.Features.Reports;

/// <summary>A share in work or studies as published: null counts are hidden by small-cell suppression (or nobody was measured).</summary>
public sealed record ShareCell(long? InWorkOrStudies, long? Measured, decimal? Percent)
{
    public static ShareCell From(TableRow? row) => row is null
        ? new ShareCell(null, null, null)
        : new ShareCell(row.Cells[0].Count, row.Total, row.Cells[0].Count is null ? null : row.Cells[0].Percent);
}

public sealed record GoalLine(string Description, decimal Target, GoalUnit Unit, GoalDirection Direction, DateOnly TargetDate, decimal? Result, GoalStatus Status, string StatusText);

public sealed record InterventionComparisonRow(int Id, string Name, InterventionKind Kind, InterventionStatus Status,
    ParticipantSource ParticipantSource, long? Participants, ShareCell AtExit, ShareCell After90Days, ShareCell After365Days,
    decimal? CostPerParticipant, IReadOnlyList<GoalLine> Goals, int GoalsMet, int ReadinessMet, int ReadinessChecks, string Readiness);

/// <summary>The association's interventions side by side on common definitions (issue 7, item 3).</summary>
public sealed record InterventionComparison(int AssociationId, string Association, int? Year, int Threshold,
    IReadOnlyList<InterventionComparisonRow> Rows, IReadOnlyList<Definition> Definitions);

/// <summary>
/// Builds the comparison from the other capabilities' rules only: the participant report's facts and suppressed tables
/// (<see cref="ParticipantReport"/>), <see cref="BudgetRules.CostPerParticipant"/>, <see cref="GoalRules"/> and
/// <see cref="Core.Interventions.Readiness"/>. Nothing is counted here that the participant report would not show.
/// </summary>
public sealed class InterventionComparisonQuery(SamordnaDb db, ParticipantReportQueries participants, InterventionQueries interventions, CountedParticipants counted)
{
    public static IReadOnlyList<Definition> Definitions { get; } =
    [
        ComparisonDefinitions.Participants, ComparisonDefinitions.WorkOrStudies("vid utskrivning"), ComparisonDefinitions.WorkOrStudies("90 dagar efter utskrivning"),
        ComparisonDefinitions.WorkOrStudies("ett år efter utskrivning"), ComparisonDefinitions.CostPerParticipant, ComparisonDefinitions.Goals, ComparisonDefinitions.Readiness,
    ];

    public async Task<InterventionComparison?> ForAsync(int associationId, int? year)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return null;
        var list = await db.Interventions.AsNoTracking().AsSplitQuery().Include(i => i.BudgetYears).ThenInclude(y => y.Lines)
            .Include(i => i.Goals).Include(i => i.Milestones)
            .Where(i => i.AssociationId == associationId).OrderBy(i => i.Name).ToListAsync();
        var plans = await db.ImplementationPlans.AsNoTracking()
            .Where(p => db.Interventions.Any(i => i.Id == p.InterventionId && i.AssociationId == associationId)).ToDictionaryAsync(p => p.InterventionId);

        const int t = CellSuppression.DefaultThreshold;
        var facts = await participants.FactsAsync(associationId, year);
        var countedPeople = await counted.ForAssociationAsync(associationId);
        var followed = facts.Select(f => f.Intervention).ToHashSet();
        // Exact, as the portfolio and the annual report show them to the same readers (docs/decisions.md): what is
        // said about the participants (work or studies) is what the threshold protects.
        var counts = facts.Where(f => EpisodeRules.CountsInStatistics(f.ExitReason)).GroupBy(f => f.Intervention).ToDictionary(g => g.Key, g => (long)g.Count());
        var atExit = ByGroup(ParticipantReport.WorkOrStudies(facts, OutcomePoint.Exit, ReportBreakdown.Intervention, t));
        var after90 = ByGroup(ParticipantReport.WorkOrStudies(facts, OutcomePoint.After90Days, ReportBreakdown.Intervention, t));
        var after365 = ByGroup(ParticipantReport.WorkOrStudies(facts, OutcomePoint.After365Days, ReportBreakdown.Intervention, t));

        var rows = new List<InterventionComparisonRow>();
        foreach (var i in list)
        {
            // Cost per participant as the portfolio computes it: participants counted from episodes where the intervention registers them.
            var budget = i.BudgetYears.Where(y => year is null || y.Year == year).Select(SaveBudgetYear.ToFigures)
                .Select(f => CountedParticipants.Apply(f, i.Id, i.MeasurementMethod, countedPeople)).ToList();
            // With a year chosen, an intervention without money or participants that year has nothing to compare.
            if (year is not null && budget.Count == 0 && !followed.Contains(i.Name)) continue;
            var (source, people) = followed.Contains(i.Name)
                ? (ParticipantSource.FollowUp, (long?)counts.GetValueOrDefault(i.Name))
                : budget.Any(b => b.ActualParticipants is not null)
                    ? (ParticipantSource.TypedCount, (long?)budget.Sum(b => b.ActualParticipants ?? 0))
                    : (ParticipantSource.None, null);
            var goals = i.Goals.OrderBy(g => g.TargetDate).Select(g =>
            {
                var status = GoalRules.StatusOf(InterventionQueries.ToFigures(g), interventions.Today);
                return new GoalLine(g.Description, g.Target, g.Unit, g.Direction, g.TargetDate, g.Result, status, GoalRules.Swedish(status));
            }).ToList();
            var readiness = interventions.ReadinessOf(i, plans.GetValueOrDefault(i.Id));
            rows.Add(new InterventionComparisonRow(i.Id, i.Name, i.Kind, i.Status, source, people,
                ShareCell.From(atExit.GetValueOrDefault(i.Name)), ShareCell.From(after90.GetValueOrDefault(i.Name)), ShareCell.From(after365.GetValueOrDefault(i.Name)),
                BudgetRules.CostPerParticipant(budget), goals, goals.Count(g => g.Status == GoalStatus.Met),
                readiness.Count(c => c.Met), readiness.Count, Core.Interventions.Readiness.Score(readiness)));
        }
        return new InterventionComparison(associationId, name, year, t, rows, Definitions);
    }

    private static Dictionary<string, TableRow> ByGroup(SuppressedTable table) => table.Rows.ToDictionary(r => r.Group);
}
