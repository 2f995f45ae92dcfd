using Samordna.Core.Participants;

namespace Samordna.Web.Features.Participants;

// What the API and the pages send. Value lists are given by code (e.g. "SocialAssistance") or Swedish name.

/// <summary>
/// Enrolment in an intervention. With consent (and no protected identity) the person is registered with identity
/// number (found again if already registered in the association, or given by participantId); otherwise anonymously,
/// and then identity number, name, municipality and measurements are refused.
/// </summary>
public sealed record EnrolRequest(
    DateOnly? EnrolledOn, string? Gender, int? Age, bool ConsentGiven, bool ProtectedIdentity,
    string? IdentityNumber = null, string? Name = null, string? MunicipalityCode = null, int? ParticipantId = null,
    ConsentRequest? Consent = null, MeasurementRequest? Measurement = null);

/// <summary>The written consent: when, and which parties and purposes it covers.</summary>
public sealed record ConsentRequest(DateOnly? GivenOn, IReadOnlyList<string>? Parties, IReadOnlyList<string>? Purposes);

/// <summary>A period on public support; time on support before enrolment is computed from these (gaps under a month bridged).</summary>
public sealed record SupportPeriodRequest(DateOnly From, DateOnly? To);

public sealed record MeasurementRequest(
    string? Point, DateOnly? MeasuredOn, IReadOnlyList<string>? IncomeSources = null, string? Occupation = null, string? Education = null,
    int? MonthsOnSupport = null, IReadOnlyList<SupportPeriodRequest>? SupportPeriods = null, int? SelfRatedHealth = null,
    Dictionary<string, string>? ExtraAnswers = null, string? CorrectionNote = null, int? Revision = null)
{
    /// <summary>The Core input; support periods become whole months before enrolment.</summary>
    public MeasurementInput ToInput(DateOnly enrolledOn, string? point = null) => new(point ?? Point, MeasuredOn, IncomeSources, Occupation, Education,
        SupportPeriods is { Count: > 0 } periods ? SupportTime.MonthsBefore(periods.Select(p => new SupportPeriod(p.From, p.To)), enrolledOn) : MonthsOnSupport,
        SelfRatedHealth, ExtraAnswers);
}

// Revision: the episode's (or for restriction the participant's) revision as read; when given and stale the change is
// refused with 409, so two registrars never overwrite each other silently. Left out, the change is made as before.

public sealed record ExitRequest(DateOnly? ExitedOn, string? ExitReason, MeasurementRequest? Measurement = null, int? Revision = null);

public sealed record WithdrawRequest(DateOnly? WithdrawnOn, int? Revision = null);

public sealed record RestrictionRequest(bool Restricted, int? Revision = null);

public sealed record RegistrarRequest(string? Email);

public sealed record MonthlyCountRequest(int Month, int Women, int Men, int Other);
