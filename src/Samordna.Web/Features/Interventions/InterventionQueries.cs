using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Interventions;

public sealed record PortfolioFilter(InterventionKind? Kind = null, string? Party = null, string? MunicipalityCode = null, InterventionStatus? Status = null);

/// <summary>One line of the board's portfolio: what was decided, what it cost, what came of it, how ready it is.</summary>
public sealed record PortfolioRow(
    int Id, string Name, InterventionKind Kind, InterventionStatus Status, string? Owner, IReadOnlyList<string> MunicipalityCodes,
    DateOnly? Start, DateOnly? End, int Year, decimal? YearBudget, decimal? YearOutcome, decimal? YearUtilisation,
    decimal TotalBudget, decimal? TotalOutcome, int? Participants, decimal? CostPerParticipant,
    int GoalCount, int GoalsMet, string Readiness, int ReadinessMet, IReadOnlyList<string> Warnings);

/// <summary>An intervention with everything on its page, read once.</summary>
/// <param name="Budget">Each year's figures with the participants counted from episodes where they replace the typed count.</param>
/// <param name="CountedParticipants">Participants counted from episodes per budget year (empty without episodes).</param>
public sealed record InterventionView(Intervention Intervention, ImplementationPlan? Plan, IReadOnlyList<ReadinessCheck> Readiness,
    IReadOnlyList<BudgetYearFigures> Budget, IReadOnlyList<string> Warnings, Intervention? Predecessor, IReadOnlyList<Intervention> Successors,
    IReadOnlyDictionary<int, int> CountedParticipants)
{
    /// <summary>The participants counted from a budget year's episodes, or null when it has none.</summary>
    public int? CountedIn(int year) => CountedParticipants.TryGetValue(year, out var counted) ? counted : null;
}

public sealed class InterventionQueries(SamordnaDb db, TimeProvider clock, Participants.CountedParticipants counted)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<InterventionView?> ViewAsync(int interventionId)
    {
        var intervention = await Full().SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var plan = await db.ImplementationPlans.AsNoTracking().SingleOrDefaultAsync(p => p.InterventionId == interventionId);
        var predecessor = intervention.PredecessorId is { } p ? await db.Interventions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == p) : null;
        var successors = await db.Interventions.AsNoTracking().Where(i => i.PredecessorId == interventionId).OrderBy(i => i.Name).ToListAsync();
        // Where participants are registered as episodes, the actual participants are counted from them, not typed.
        var participants = await counted.ForInterventionAsync(interventionId);
        var budget = intervention.BudgetYears.OrderBy(y => y.Year).Select(SaveBudgetYear.ToFigures)
            .Select(f => Participants.CountedParticipants.Apply(f, interventionId, intervention.MeasurementMethod, participants)).ToList();
        return new InterventionView(intervention, plan, ReadinessOf(intervention, plan), budget,
            budget.SelectMany(y => BudgetRules.Warnings(y, Today)).ToList(), predecessor, successors,
            participants.ToDictionary(p => p.Key.Year, p => p.Value));
    }

    public async Task<List<PortfolioRow>> PortfolioAsync(int associationId, PortfolioFilter filter, int year)
    {
        var query = Full().Where(i => i.AssociationId == associationId);
        if (filter.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        var interventions = await query.OrderBy(i => i.Name).ToListAsync();
        var participants = await counted.ForAssociationAsync(associationId);
        var plans = await db.ImplementationPlans.AsNoTracking()
            .Where(p => db.Interventions.Any(i => i.Id == p.InterventionId && i.AssociationId == associationId))
            .ToDictionaryAsync(p => p.InterventionId);
        return interventions
            .Where(i => filter.Party is null || PartiesOf(i).Contains(filter.Party, StringComparer.OrdinalIgnoreCase))
            .Where(i => filter.MunicipalityCode is null || CodesOf(i).Contains(filter.MunicipalityCode))
            .Select(i => Row(i, plans.GetValueOrDefault(i.Id), year, participants))
            .ToList();
    }

    /// <summary>The association with its members: its name, parties and municipalities for the forms.</summary>
    public Task<Association?> AssociationAsync(int associationId) =>
        db.Associations.AsNoTracking().Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == associationId);

    /// <summary>The association's interventions by name, for choosing a predecessor.</summary>
    public async Task<List<(int Id, string Name)>> NamesAsync(int associationId) =>
        (await db.Interventions.AsNoTracking().Where(i => i.AssociationId == associationId).OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Name }).ToListAsync()).Select(i => (i.Id, i.Name)).ToList();

    /// <summary>
    /// The association's budget for a year: every intervention's own money (whatever a portfolio filter shows),
    /// the office's administration, and the members' contributions of the funding year.
    /// </summary>
    public async Task<AssociationBudgetSummary> BudgetSummaryAsync(int associationId, int year)
    {
        var years = await db.InterventionBudgetYears.AsNoTracking().Include(y => y.Lines)
            .Where(y => y.Year == year && db.Interventions.Any(i => i.Id == y.InterventionId && i.AssociationId == associationId))
            .ToListAsync();
        return await BudgetSummaryAsync(associationId, year, years.Select(SaveBudgetYear.ToFigures));
    }

    /// <summary>The same from the interventions' budget years already read (the annual report reads them for its lines).</summary>
    public async Task<AssociationBudgetSummary> BudgetSummaryAsync(int associationId, int year, IEnumerable<BudgetYearFigures> years)
    {
        var funding = await db.FundingYears.AsNoTracking().SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        return AssociationBudgetSummary.For(year, years, funding?.AdministrationBudget ?? 0, funding?.AdministrationOutcome, funding?.Total);
    }

    /// <summary>The owner, co-owners and participating parties: the parties a filter on "party" matches.</summary>
    public static IReadOnlyList<string> PartiesOf(Intervention i) =>
        new[] { i.OwnerParty }.Where(p => p is not null).Select(p => p!)
            .Concat(SaveIntervention.SplitLines(i.CoOwners)).Concat(SaveIntervention.SplitLines(i.ParticipatingParties)).Distinct().ToList();

    public static IReadOnlyList<string> CodesOf(Intervention i) =>
        (i.MunicipalityCodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    private PortfolioRow Row(Intervention i, ImplementationPlan? plan, int year, IReadOnlyDictionary<(int, int), int> counted)
    {
        var budget = i.BudgetYears.Select(SaveBudgetYear.ToFigures).Select(f => Participants.CountedParticipants.Apply(f, i.Id, i.MeasurementMethod, counted)).ToList();
        var thisYear = budget.SingleOrDefault(b => b.Year == year);
        var outcomes = budget.Where(b => b.Outcome is not null).ToList();
        var participants = budget.Any(b => b.ActualParticipants is not null) ? budget.Sum(b => b.ActualParticipants ?? 0) : (int?)null;
        var totalOutcome = outcomes.Count == 0 ? (decimal?)null : outcomes.Sum(b => b.Outcome!.Value);
        var readiness = ReadinessOf(i, plan);
        var goals = i.Goals.Select(ToFigures).ToList();
        return new PortfolioRow(i.Id, i.Name, i.Kind, i.Status, i.OwnerParty, CodesOf(i), i.StartDate, i.ActualEndDate ?? i.PlannedEndDate,
            year, thisYear?.Budget, thisYear?.Outcome, thisYear?.Utilisation, budget.Sum(b => b.Budget), totalOutcome,
            participants, BudgetRules.CostPerParticipant(budget),
            goals.Count, goals.Count(g => GoalRules.StatusOf(g, Today) == GoalStatus.Met),
            Readiness.Score(readiness), readiness.Count(c => c.Met),
            budget.SelectMany(b => BudgetRules.Warnings(b, Today)).ToList());
    }

    public IReadOnlyList<ReadinessCheck> ReadinessOf(Intervention i, ImplementationPlan? plan) =>
        Readiness.Assess(new ReadinessFacts(plan is not null, i.OwnerParty is not null, plan?.ReceivingUnit is not null,
            LifeCycle.WasDecided(i.Status), i.Milestones.Select(m => new MilestoneDates(m.DueDate, m.DoneDate)).ToList()), Today);

    public static InterventionGoalFigures ToFigures(InterventionGoal g) =>
        new(g.Description, g.Target, g.Unit, g.Direction, g.TargetDate, g.Result, g.ResultDate);

    private IQueryable<Intervention> Full() => db.Interventions.AsNoTracking().AsSplitQuery()
        .Include(i => i.Perspectives).Include(i => i.Decisions).Include(i => i.BudgetYears).ThenInclude(y => y.Lines)
        .Include(i => i.Staff).Include(i => i.Goals).Include(i => i.Milestones).Include(i => i.ImplementationRoles)
        .Include(i => i.Anchoring).Include(i => i.Findings);
}
