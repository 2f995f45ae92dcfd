using Samordna.Core.Interventions;

namespace Samordna.Web.Data;

// The tables of the intervention capability (Features/Interventions). Lists typed as text (former names, co-owners,
// parties, funding sources) are kept one per line: they are shown and edited as lists, never queried one by one.

/// <summary>An insats funded by the association, from idea to what became of it.</summary>
public sealed class Intervention
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string Name { get; set; } = "";
    public string? FormerNames { get; set; }
    public InterventionKind Kind { get; set; }
    public MeasurementMethod MeasurementMethod { get; set; }
    public InterventionStatus Status { get; set; }
    public string? Orientation { get; set; }
    public int? TargetAgeFrom { get; set; }
    public int? TargetAgeTo { get; set; }
    public string? TargetResidence { get; set; }
    public string? TargetCriteria { get; set; }
    public string? OwnerParty { get; set; }
    public string? CoOwners { get; set; }
    public string? ParticipatingParties { get; set; }
    /// <summary>Municipality codes, comma-separated, each one of the association's members.</summary>
    public string? MunicipalityCodes { get; set; }
    public string? ProjectLead { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? PlannedEndDate { get; set; }
    public DateOnly? ActualEndDate { get; set; }
    public string? EndReason { get; set; }
    public int? PredecessorId { get; set; }
    /// <summary>What the intervention continued as outside the platform, e.g. an ESF project.</summary>
    public string? SuccessorNote { get; set; }
    public string? FundingSources { get; set; }
    public string? TakenOverBy { get; set; }
    public bool? MoneyRepaid { get; set; }
    public decimal? RepaidAmount { get; set; }
    public string? EvaluationPlan { get; set; }
    public DateOnly? ApplicationSubmittedOn { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Raised on every change; an edit made on an older revision is refused instead of overwriting.</summary>
    public int Revision { get; set; }
    /// <summary>Revisions of the lists edited as a whole, so a save on a stale copy of one list is refused (M0016).</summary>
    public int StaffRevision { get; set; }
    public int GoalsRevision { get; set; }
    public int FindingsRevision { get; set; }

    public List<InterventionPerspective> Perspectives { get; set; } = [];
    public List<InterventionDecision> Decisions { get; set; } = [];
    public List<InterventionBudgetYear> BudgetYears { get; set; } = [];
    public List<InterventionStaff> Staff { get; set; } = [];
    public List<InterventionGoal> Goals { get; set; } = [];
    public List<ImplementationMilestone> Milestones { get; set; } = [];
    public List<ImplementationRole> ImplementationRoles { get; set; } = [];
    public List<AnchoringActivity> Anchoring { get; set; } = [];
    public List<EvaluationFinding> Findings { get; set; } = [];
}

/// <summary>One perspective of the application's problem analysis: the target group, operations, or a party.</summary>
public sealed class InterventionPerspective
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public string Perspective { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A decision about the intervention. A status change has From/To; other decisions (the plan's log) have neither.</summary>
public sealed class InterventionDecision
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public InterventionStatus? FromStatus { get; set; }
    public InterventionStatus? ToStatus { get; set; }
    public DateOnly DecidedOn { get; set; }
    public string DecidedBy { get; set; } = "";
    public string? MinutesReference { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; } = DateTime.UtcNow;
}

public sealed class InterventionBudgetYear
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public int Year { get; set; }
    public int? PlannedParticipants { get; set; }
    /// <summary>Entered by hand until the participant follow-up counts them.</summary>
    public int? ActualParticipants { get; set; }
    /// <summary>Concurrency token: raised on every save of the year and its lines.</summary>
    public int Revision { get; set; }
    public List<InterventionBudgetLine> Lines { get; set; } = [];
}

public sealed class InterventionBudgetLine
{
    public int Id { get; set; }
    public int BudgetYearId { get; set; }
    public BudgetLineKind Kind { get; set; }
    public string? Label { get; set; }
    public decimal Budget { get; set; }
    public decimal? Outcome { get; set; }
}

/// <summary>A post in the intervention: who employs the person, how much, and whether they sit together.</summary>
public sealed class InterventionStaff
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public string Role { get; set; } = "";
    public string EmployingParty { get; set; } = "";
    public decimal FtePercent { get; set; }
    public Employment Employment { get; set; }
    public bool CoLocated { get; set; }
}

public sealed class InterventionGoal
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public string Description { get; set; } = "";
    public decimal Target { get; set; }
    public GoalUnit Unit { get; set; }
    public GoalDirection Direction { get; set; }
    public DateOnly TargetDate { get; set; }
    public decimal? Result { get; set; }
    public DateOnly? ResultDate { get; set; }
}

/// <summary>One saved version of the theory of change; the content is the Core record as JSON and never changes.</summary>
public sealed class TheoryOfChangeVersion
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public int Version { get; set; }
    public string Content { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>How the way of working is to be taken over by ordinary operations, and by whom.</summary>
public sealed class ImplementationPlan
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public string Goals { get; set; } = "";
    public string? ReceivingUnit { get; set; }
    public string? ReceivingParty { get; set; }
    public PlanStatus Status { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Concurrency token for the plan with its roles and milestones.</summary>
    public int Revision { get; set; }
}

public sealed class ImplementationRole
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public string Role { get; set; } = "";
    public string? Party { get; set; }
    public string Responsibility { get; set; } = "";
}

public sealed class ImplementationMilestone
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public DateOnly? DoneDate { get; set; }
}

/// <summary>Förankring: who was told or involved, when, from which party.</summary>
public sealed class AnchoringActivity
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public DateOnly Date { get; set; }
    public string Audience { get; set; } = "";
    public string? Party { get; set; }
    public string? Description { get; set; }
}

/// <summary>An evaluation's finding, its recommendation and who follows it up.</summary>
public sealed class EvaluationFinding
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public string Finding { get; set; } = "";
    public string? Recommendation { get; set; }
    public string? Owner { get; set; }
    public FindingStatus Status { get; set; }
    public DateOnly? FollowUpDate { get; set; }
}
