namespace Samordna.Web.Data;

// Collaboration measurement. Answers are stored with no column, table or key that leads back to an invitation
// or a person: a record holds only its round, an optional per-round respondent key (a hash, so the records of one
// person in several units can be counted per person) and the day it was submitted.

/// <summary>An instrument version in the installation's item bank, stored as its definition file.</summary>
public sealed class SurveyInstrument
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string Definition { get; set; } = "";
    public DateTime AddedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>A round of an instrument for an association, optionally the re-measurement of a baseline round.</summary>
public sealed class SurveyRound
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public int InstrumentId { get; set; }
    public SurveyInstrument? Instrument { get; set; }
    public string Name { get; set; } = "";
    public int? BaselineRoundId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>First and last day the personal links work (both inclusive); null means no limit.</summary>
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    /// <summary>Concurrency token for the round's settings: its dates and the periods per respondent kind.</summary>
    public int Revision { get; set; }
}

/// <summary>
/// A person in a round's respondent register. Holds the e-mail and the hash of their single-use link, and only
/// whether they answered: never when, never which record, so no answer leads back to it.
/// </summary>
public sealed class SurveyInvitation
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public string Email { get; set; } = "";
    /// <summary>Respondent kind (e.g. "chef", "personal"): its own answer period, and a unit of the answers.</summary>
    public string? Kind { get; set; }
    public string? TokenHash { get; set; }
    public bool Answered { get; set; }
    public bool Excluded { get; set; }
    public string? ExclusionReason { get; set; }
    /// <summary>Concurrency token: raised by an exclusion, a new link and the claim of the link on answering.</summary>
    public int Revision { get; set; }
    public List<SurveyInvitationUnit> Units { get; set; } = [];
}

/// <summary>The answer period of one respondent kind in a round, overriding the round's own dates.</summary>
public sealed class SurveyRoundPeriod
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public string Kind { get; set; } = "";
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
}

/// <summary>A unit attribute of an invited person (municipality, party, group, profession), for response rates.</summary>
public sealed class SurveyInvitationUnit
{
    public int Id { get; set; }
    public int InvitationId { get; set; }
    public string Attribute { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>
/// A grouping of one unit attribute's values into a derived one, per association: e.g. the municipalities of
/// Gävleborg into its four county parts (länsdelar). Results "by county_part" use it when the answers carry
/// only municipalities.
/// </summary>
public sealed class UnitGrouping
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string Attribute { get; set; } = "";
    public string SourceAttribute { get; set; } = "";
    public string SourceValue { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>Answers saved as the respondent goes, until they submit (then the draft is deleted).</summary>
public sealed class SurveyDraft
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public string TokenHash { get; set; } = "";
    public string Answers { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>One answer record: a person, or a person in one unit.</summary>
public sealed class SurveyRecord
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public string? RespondentKey { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public List<SurveyRecordUnit> Units { get; set; } = [];
    public List<SurveyAnswer> Answers { get; set; } = [];
    public List<SurveyComment> Comments { get; set; } = [];
}

/// <summary>A respondent's free-text comment on one item, refused if it holds an identity number.</summary>
public sealed class SurveyComment
{
    public long Id { get; set; }
    public long RecordId { get; set; }
    public string ItemCode { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A unit attribute of a record (municipality, county part, party, group, profession).</summary>
public sealed class SurveyRecordUnit
{
    public long Id { get; set; }
    public long RecordId { get; set; }
    public string Attribute { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>One answer code given to an item; Value null is a blank (presented, not answered).</summary>
public sealed class SurveyAnswer
{
    public long Id { get; set; }
    public long RecordId { get; set; }
    public string ItemCode { get; set; } = "";
    public string? Value { get; set; }
}
