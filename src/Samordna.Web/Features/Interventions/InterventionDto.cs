using Samordna.Core.Interventions;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Interventions;

public sealed record DecisionDto(int Id, InterventionStatus? FromStatus, InterventionStatus? ToStatus, DateOnly DecidedOn, string DecidedBy, string? MinutesReference, string? Note, string RecordedBy, DateTime RecordedAt)
{
    public static DecisionDto Of(InterventionDecision d) => new(d.Id, d.FromStatus, d.ToStatus, d.DecidedOn, d.DecidedBy, d.MinutesReference, d.Note, d.RecordedBy, d.RecordedAt);
}

/// <param name="ActualParticipants">The year's participants as every report uses them: counted from episodes where they replace the typed count.</param>
/// <param name="TypedActualParticipants">The typed count as stored: what a PUT's actualParticipants sets, so send this one back.</param>
/// <param name="ParticipantSource">Where <paramref name="ActualParticipants"/> comes from.</param>
public sealed record BudgetYearDto(int Year, int? PlannedParticipants, int? ActualParticipants, int? TypedActualParticipants,
    Reports.ParticipantSource ParticipantSource, IReadOnlyList<BudgetLine> Lines, decimal Budget, decimal? Outcome, decimal? Utilisation, decimal? CostPerParticipant)
{
    /// <summary>Every budget year of the intervention, from the stored (typed) figures and the counted participants.</summary>
    public static List<BudgetYearDto> AllOf(InterventionView view) =>
        view.Intervention.BudgetYears.OrderBy(y => y.Year).Select(SaveBudgetYear.ToFigures).Select(typed =>
        {
            var method = view.Intervention.MeasurementMethod;
            var counted = view.CountedIn(typed.Year);
            var used = BudgetRules.WithCountedParticipants(typed, method, counted);
            return new BudgetYearDto(used.Year, used.PlannedParticipants, used.ActualParticipants, typed.ActualParticipants,
                Reports.ParticipantSources.Of(method, counted, typed.ActualParticipants).Source, used.Lines, used.Budget, used.Outcome, used.Utilisation, used.CostPerParticipant);
        }).ToList();
}

public sealed record PlanDto(string Goals, string? ReceivingUnit, string? ReceivingParty, PlanStatus Status,
    IReadOnlyList<RoleInput> Roles, IReadOnlyList<MilestoneInput> Milestones);

/// <summary>An intervention as the API returns it; lists as lists, enums by code name.</summary>
public sealed record InterventionDto(
    int Id, int AssociationId, string Name, IReadOnlyList<string> FormerNames, InterventionKind Kind, MeasurementMethod MeasurementMethod,
    InterventionStatus Status, string? Orientation, int? TargetAgeFrom, int? TargetAgeTo, string? TargetResidence, string? TargetCriteria,
    string? OwnerParty, IReadOnlyList<string> CoOwners, IReadOnlyList<string> ParticipatingParties, IReadOnlyList<string> MunicipalityCodes,
    string? ProjectLead, DateOnly? StartDate, DateOnly? PlannedEndDate, DateOnly? ActualEndDate, string? EndReason,
    int? PredecessorId, string? SuccessorNote, IReadOnlyList<string> FundingSources, string? TakenOverBy, bool? MoneyRepaid, decimal? RepaidAmount,
    string? EvaluationPlan, DateOnly? ApplicationSubmittedOn, IReadOnlyList<PerspectiveInput> Perspectives, int Revision,
    IReadOnlyList<DecisionDto> Decisions, IReadOnlyList<BudgetYearDto> BudgetYears, IReadOnlyList<StaffInput> Staff,
    IReadOnlyList<GoalDto> Goals, PlanDto? ImplementationPlan, IReadOnlyList<AnchoringInput> Anchoring,
    IReadOnlyList<FindingInput> Findings, IReadOnlyList<ReadinessCheck> Readiness, IReadOnlyList<string> Warnings, ListRevisions Revisions)
{
    public static InterventionDto From(InterventionView view, DateOnly today)
    {
        var i = view.Intervention;
        return new(i.Id, i.AssociationId, i.Name, SaveIntervention.SplitLines(i.FormerNames), i.Kind, i.MeasurementMethod, i.Status,
            i.Orientation, i.TargetAgeFrom, i.TargetAgeTo, i.TargetResidence, i.TargetCriteria, i.OwnerParty,
            SaveIntervention.SplitLines(i.CoOwners), SaveIntervention.SplitLines(i.ParticipatingParties), InterventionQueries.CodesOf(i),
            i.ProjectLead, i.StartDate, i.PlannedEndDate, i.ActualEndDate, i.EndReason, i.PredecessorId, i.SuccessorNote,
            SaveIntervention.SplitLines(i.FundingSources), i.TakenOverBy, i.MoneyRepaid, i.RepaidAmount, i.EvaluationPlan, i.ApplicationSubmittedOn,
            i.Perspectives.OrderBy(p => p.Id).Select(p => new PerspectiveInput(p.Perspective, p.Text)).ToList(), i.Revision,
            i.Decisions.OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).Select(DecisionDto.Of).ToList(),
            BudgetYearDto.AllOf(view),
            i.Staff.OrderBy(s => s.Id).Select(s => new StaffInput(s.Role, s.EmployingParty, s.FtePercent, s.Employment.ToString(), s.CoLocated)).ToList(),
            i.Goals.OrderBy(g => g.Id).Select(g => GoalDto.From(g, today)).ToList(),
            view.Plan is { } p ? new PlanDto(p.Goals, p.ReceivingUnit, p.ReceivingParty, p.Status,
                i.ImplementationRoles.OrderBy(r => r.Id).Select(r => new RoleInput(r.Role, r.Party, r.Responsibility)).ToList(),
                i.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneInput(m.Title, m.DueDate, m.DoneDate)).ToList()) : null,
            i.Anchoring.OrderBy(a => a.Date).Select(a => new AnchoringInput(a.Date, a.Audience, a.Party, a.Description)).ToList(),
            i.Findings.OrderBy(f => f.Id).Select(f => new FindingInput(f.Finding, f.Recommendation, f.Owner, f.Status.ToString(), f.FollowUpDate)).ToList(),
            view.Readiness, view.Warnings, ListRevisions.Of(view));
    }
}

/// <summary>
/// The revision of each list the API replaces as a whole: send it back with the change (lists: ?revision=, the plan
/// and a budget year: "revision" in the body) so a save on a stale copy gets 409. 0 means not yet saved.
/// </summary>
public sealed record ListRevisions(int Staff, int Goals, int Findings, int ImplementationPlan, IReadOnlyDictionary<string, int> BudgetYears)
{
    public static ListRevisions Of(InterventionView view) => new(view.Intervention.StaffRevision, view.Intervention.GoalsRevision,
        view.Intervention.FindingsRevision, view.Plan?.Revision ?? 0,
        view.Intervention.BudgetYears.OrderBy(y => y.Year).ToDictionary(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y => y.Revision));
}

public sealed record GoalDto(string Description, decimal Target, GoalUnit Unit, GoalDirection Direction, DateOnly TargetDate, decimal? Result, DateOnly? ResultDate, GoalStatus Status)
{
    public static GoalDto From(InterventionGoal g, DateOnly today) =>
        new(g.Description, g.Target, g.Unit, g.Direction, g.TargetDate, g.Result, g.ResultDate, GoalRules.StatusOf(InterventionQueries.ToFigures(g), today));
}
