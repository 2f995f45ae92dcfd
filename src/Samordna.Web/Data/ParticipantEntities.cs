using Samordna.Core.Participants;

namespace Samordna.Web.Data;

// The tables of the participant follow-up (Features/Participants). No column holds an identity number or a name in
// plain text: both are encrypted with keys kept outside the database, and a person is found again by a keyed hash.
// Anonymous episodes have no participant at all and keep only the fields EpisodeRules.AnonymousFields lists.

/// <summary>A person with consent, in one association: encrypted identity and name, and what limits their use.</summary>
public sealed class Participant
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    /// <summary>"keyId:base64(nonce, tag, ciphertext)" of the canonical number; null once erased.</summary>
    public string? IdentityCipher { get; set; }
    /// <summary>HMAC-SHA256 of the canonical number under the lookup key (hex); unique per association; null once erased.</summary>
    public string? IdentityLookup { get; set; }
    public string? NameCipher { get; set; }
    public bool ProtectedIdentity { get; set; }
    /// <summary>The person has withdrawn consent once: never registered again as an anonymous participant.</summary>
    public bool ConsentWithdrawn { get; set; }
    /// <summary>Processing restricted (GDPR art. 18): stored and shown in the register extract only.</summary>
    public bool Restricted { get; set; }
    /// <summary>When identity and name were deleted (retention rule or erasure); the episodes stay as statistics.</summary>
    public DateOnly? IdentityErasedOn { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Optimistic concurrency: raised on every change (restriction, withdrawal, erasure).</summary>
    public int Revision { get; set; }
}

/// <summary>One stay in one intervention: enrolment to exit.</summary>
public sealed class Episode
{
    public int Id { get; set; }
    /// <summary>Kept on the row so reports and the audit log find the association without a join.</summary>
    public int AssociationId { get; set; }
    public int InterventionId { get; set; }
    public Intervention? Intervention { get; set; }
    /// <summary>Null for an anonymous participant.</summary>
    public int? ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public bool Anonymous { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public DateOnly? ExitedOn { get; set; }
    public ExitReason? ExitReason { get; set; }
    public Gender Gender { get; set; }
    /// <summary>Whole years at enrolment; null for anonymous participants, who keep only the band.</summary>
    public int? AgeAtEnrolment { get; set; }
    public string AgeBand { get; set; } = "";
    /// <summary>SCB code of the municipality of registration; never for anonymous participants.</summary>
    public string? MunicipalityCode { get; set; }
    /// <summary>The budget year the participant is counted in: the year of enrolment.</summary>
    public int BudgetYear { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Optimistic concurrency: raised on every change to the episode, its consent or its measurements.</summary>
    public int Revision { get; set; }
    public List<Consent> Consents { get; set; } = [];
    public List<ParticipantMeasurement> Measurements { get; set; } = [];
}

/// <summary>Written consent for one episode: when, who recorded it, which parties and purposes it covers.</summary>
public sealed class Consent
{
    public int Id { get; set; }
    public int EpisodeId { get; set; }
    public Episode? Episode { get; set; }
    public DateOnly GivenOn { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>One party per line, e.g. "Försäkringskassan".</summary>
    public string Parties { get; set; } = "";
    /// <summary>One purpose per line, e.g. "Uppföljning av insatsen".</summary>
    public string Purposes { get; set; } = "";
    public DateOnly? WithdrawnOn { get; set; }
}

/// <summary>
/// What was true for the participant at one point. A correction is a new row pointing at the row it corrects;
/// both are kept, and the newest uncorrected row of a point is the one reports use.
/// </summary>
public sealed class ParticipantMeasurement
{
    public int Id { get; set; }
    public int EpisodeId { get; set; }
    public Episode? Episode { get; set; }
    public MeasurementPoint Point { get; set; }
    /// <summary>IncomeSource names, comma-separated.</summary>
    public string? IncomeSources { get; set; }
    public Occupation? Occupation { get; set; }
    public Education? Education { get; set; }
    public int? MonthsOnSupport { get; set; }
    /// <summary>1 (mycket dålig) to 5 (mycket bra).</summary>
    public int? SelfRatedHealth { get; set; }
    /// <summary>The association's own questions: a JSON object of question code to answer.</summary>
    public string? ExtraAnswers { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; } = DateTime.UtcNow;
    public int? CorrectsId { get; set; }
    public string? CorrectionNote { get; set; }
}

/// <summary>Participants of a count-only intervention (volyminsats): new participants per month by gender.</summary>
public sealed class MonthlyCount
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public Intervention? Intervention { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int Women { get; set; }
    public int Men { get; set; }
    public int Other { get; set; }
}

/// <summary>A count-only intervention's year of monthly counts: its revision, raised each time the year is saved.</summary>
public sealed class MonthlyCountYear
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public int Year { get; set; }
    public int Revision { get; set; }
}

/// <summary>A participant registrar assigned to an intervention: the only people who see its participants' identity.</summary>
public sealed class InterventionRegistrar
{
    public int Id { get; set; }
    public int InterventionId { get; set; }
    public Intervention? Intervention { get; set; }
    public string UserId { get; set; } = "";
    public DateTime AssignedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>
/// The follow-up days and windows of an association (InterventionId null) or of one of its interventions (overriding
/// the association's). Without a row the defaults hold: 90 days ± 30 and 365 days ± 60.
/// </summary>
public sealed class FollowUpSetting
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public int? InterventionId { get; set; }
    public int FirstDays { get; set; }
    public int FirstWindowDays { get; set; }
    public int SecondDays { get; set; }
    public int SecondWindowDays { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public int Revision { get; set; }
}

/// <summary>One of the association's own questions (the answers live in ParticipantMeasurement.ExtraAnswers by code).</summary>
public sealed class ExtraQuestionDefinition
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string Code { get; set; } = "";
    public string Wording { get; set; } = "";
    public ExtraQuestionKind Kind { get; set; }
    /// <summary>The answers of a choice question, one per line.</summary>
    public string? Choices { get; set; }
    public int? MaxLength { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    /// <summary>A retired question is no longer asked; its answers stay with the measurements.</summary>
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public int Revision { get; set; }
}
