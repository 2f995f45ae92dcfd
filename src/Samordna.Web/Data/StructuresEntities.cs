using Samordna.Core.Structures;

namespace Samordna.Web.Data;

// Collaboration structures (issue 6): groups and their members, meetings, local agreements, action plans,
// coordinators, the "vägen in" directory and deviation reports. Rules live in Core/Structures.

/// <summary>A collaboration group: board, preparatory group, Mysam/LSG/styrgrupp, working group, network …</summary>
public sealed class CollaborationGroup
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public GroupKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>SCB codes of the municipalities the group covers, comma-separated.</summary>
    public string? MunicipalityCodes { get; set; }
    /// <summary>The area in words, e.g. "Vetlanda kommunområde".</summary>
    public string? AreaName { get; set; }
    public ConveningRule ConveningRule { get; set; }
    /// <summary>The party that convenes when the rule is FixedParty.</summary>
    public string? ConveningParty { get; set; }
    public int? PlannedMeetingsPerYear { get; set; }
    public string? Mandate { get; set; }
    public QuorumRule QuorumRule { get; set; }
    /// <summary>Standing agenda items, one per line; every new meeting's agenda starts with them.</summary>
    public string? StandingAgendaItems { get; set; }
    /// <summary>For an intervention's steering group. No foreign key until interventions exist (issue 4).</summary>
    public int? InterventionId { get; set; }
    /// <summary>Raised on every save; a save from an older read is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }
    public List<GroupMember> Members { get; set; } = [];
}

/// <summary>
/// One person's tenancy of a seat in a group. A seat changing hands ends one row (ToDate) and starts a new
/// one whose PredecessorId points back, so the history survives turnover.
/// </summary>
public sealed class GroupMember
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public CollaborationGroup? Group { get; set; }
    public string PersonName { get; set; } = "";
    public string Party { get; set; } = "";
    public string? Unit { get; set; }
    public string? Email { get; set; }
    public MemberRole Role { get; set; }
    public bool HasDecisionMandate { get; set; }
    public DateOnly? FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
    /// <summary>For a substitute: the member (row in the same group) they stand in for.</summary>
    public int? SubstituteForId { get; set; }
    /// <summary>The tenancy this one succeeded.</summary>
    public int? PredecessorId { get; set; }
    public int Revision { get; set; }
    public List<MemberIntroductionStep> IntroductionSteps { get; set; } = [];
}

/// <summary>One item of the introduction checklist (seed 004) done for a new member.</summary>
public sealed class MemberIntroductionStep
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public string ItemCode { get; set; } = "";
    public DateOnly DoneOn { get; set; }
}

public sealed class Meeting
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public CollaborationGroup? Group { get; set; }
    /// <summary>In UTC (PostgreSQL keeps timestamps with time zone); people see LocalStart.</summary>
    public DateTime StartsAt { get; set; }
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public DateTime LocalStart => SwedishTime.ToLocal(StartsAt);
    public int DurationMinutes { get; set; }
    public string? Location { get; set; }
    public MeetingStatus Status { get; set; }
    public string? CancellationReason { get; set; }
    public bool CancelledForLackOfQuorum { get; set; }
    public int Revision { get; set; }
    /// <summary>Agenda items, one per line.</summary>
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public List<MeetingAttendance> Attendances { get; set; } = [];
    public List<MeetingDecision> Decisions { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];
}

public sealed class MeetingAttendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int MemberId { get; set; }
    public Attendance Attendance { get; set; }
}

public sealed class MeetingDecision
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
}

public sealed class ActionItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public string Text { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

/// <summary>A local agreement (lokal överenskommelse); its content lives in numbered versions.</summary>
public sealed class LocalAgreement
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public int? GroupId { get; set; }
    public string Title { get; set; } = "";
    public int ReminderDays { get; set; } = AgreementExpiry.DefaultReminderDays;
    public int Revision { get; set; }
    public List<LocalAgreementVersion> Versions { get; set; } = [];
}

public sealed class LocalAgreementVersion
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int Version { get; set; }
    public string Parties { get; set; } = "";
    public int? TargetAgeFrom { get; set; }
    public int? TargetAgeTo { get; set; }
    public string Purpose { get; set; } = "";
    public string? Forums { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Signatories { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>An action plan (handlingsplan) of a municipal area or group: vision, goals and numbered development areas.</summary>
public sealed class ActionPlan
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public int? GroupId { get; set; }
    public string Title { get; set; } = "";
    public string? AreaName { get; set; }
    public string? Vision { get; set; }
    public string? Goals { get; set; }
    public int Revision { get; set; }
    public List<ActionPlanActivity> Activities { get; set; } = [];
    public List<ActionPlanPeriodNote> PeriodNotes { get; set; } = [];
}

/// <summary>A development area or activity of a plan, reported on each half-year.</summary>
public sealed class ActionPlanActivity
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public int? Year { get; set; }
    public List<ActivityStatusReport> Reports { get; set; } = [];
}

public sealed class ActivityStatusReport
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    /// <summary>"2019H1" or "2019H2".</summary>
    public string Period { get; set; } = "";
    public ActivityStatus Status { get; set; }
    public string? Comment { get; set; }
}

/// <summary>The half-year report's closing sections: other work and plans ahead (seed 001's structure).</summary>
public sealed class ActionPlanPeriodNote
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Period { get; set; } = "";
    public string? Other { get; set; }
    public string? PlansAhead { get; set; }
}

/// <summary>A coordinator's assignment in one municipality for a period, at a share of full time.</summary>
public sealed class CoordinatorAssignment
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public string PersonName { get; set; } = "";
    public decimal FtePercent { get; set; }
    public DateOnly FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
    public int Revision { get; set; }
}

/// <summary>The funding agreement's cap for a municipality's coordinator post in a year, and what it actually cost.</summary>
public sealed class CoordinatorFunding
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public int Year { get; set; }
    public long Cap { get; set; }
    public long? ActualCost { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// A role in "vägen in": the way into an organisation for a topic. The entry is the role, so it survives
/// turnover; the holders are the people who have filled it.
/// </summary>
public sealed class DirectoryEntry
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string Organisation { get; set; } = "";
    public string? Unit { get; set; }
    public string Topic { get; set; } = "";
    public string RoleTitle { get; set; } = "";
    public string? Phone { get; set; }
    /// <summary>A functional mailbox of the role; shown publicly, unlike a holder's personal e-mail.</summary>
    public string? RoleEmail { get; set; }
    public bool IsPublic { get; set; }
    public int Revision { get; set; }
    public List<DirectoryHolder> Holders { get; set; } = [];
}

public sealed class DirectoryHolder
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public string PersonName { get; set; } = "";
    public string? PersonalEmail { get; set; }
    public string? Phone { get; set; }
    public DateOnly? FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
}

/// <summary>A deviation report (Lex Heller): what failed in collaboration, never about whom.</summary>
public sealed class CollaborationDeviation
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public DateOnly ReportedOn { get; set; }
    public DeviationCategory Category { get; set; }
    public string Description { get; set; } = "";
    public string Recipient { get; set; } = "";
    public DeviationStatus Status { get; set; }
    public string? ActionTaken { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int Revision { get; set; }
    public List<CollaborationDeviationActor> Actors { get; set; } = [];
}

public sealed class CollaborationDeviationActor
{
    public int Id { get; set; }
    public int DeviationId { get; set; }
    public string Actor { get; set; } = "";
}
