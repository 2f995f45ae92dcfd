using Samordna.Core.Common;

namespace Samordna.Core.Participants;

/// <summary>What the registrar states when enrolling someone in an intervention.</summary>
public sealed record EnrolmentInput(
    DateOnly? EnrolledOn, string? Gender, int? Age, bool ConsentGiven, bool ProtectedIdentity, bool HasIdentityNumber, bool HasName);

public enum FollowUpState { Upcoming, Due, Missed, Done }

/// <summary>A follow-up measurement N days after exit, answered within a window (e.g. +90 days, ± 30).</summary>
public sealed record FollowUpRule(int DaysAfterExit, int WindowDays);

/// <summary>
/// The rules of a participant episode. Without written consent, or with protected identity, the participant is
/// anonymous and only <see cref="AnonymousFields"/> are kept; a person who withdrew consent exits at once and is
/// never registered again as anonymous; a mistaken registration counts in no statistic.
/// </summary>
public static class EpisodeRules
{
    /// <summary>Everything kept about an anonymous participant (documented in docs/participants.md).</summary>
    public static readonly IReadOnlyList<string> AnonymousFields = ["gender", "ageBand", "budgetYear", "intervention", "enrolledOn", "exitedOn", "exitReason"];

    public static readonly IReadOnlyList<FollowUpRule> DefaultFollowUps = [new(90, 30), new(365, 60)];

    public static bool IsAnonymous(bool consentGiven, bool protectedIdentity) => !consentGiven || protectedIdentity;

    public static bool CountsInStatistics(ExitReason? reason) => reason != ExitReason.RegisteredByMistake;

    /// <summary>
    /// Fields besides name and identity number (municipality, an enrolment measurement …) that an anonymous
    /// participant may not carry either: each one given is refused, naming the field.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckAnonymousFields(bool anonymous, IEnumerable<(string Field, string Label, bool Given)> fields) =>
        anonymous
            ? fields.Where(f => f.Given).Select(f => new FieldError(f.Field,
                $"Personen registreras anonymt: {f.Label} får inte anges. För anonyma deltagare sparas bara kön, åldersgrupp, budgetår, insats och datum.")).ToList()
            : [];

    /// <summary>The default follow-up rule of a measurement point, or null for enrolment and exit (see <see cref="FollowUpPlan"/>).</summary>
    public static FollowUpRule? RuleFor(MeasurementPoint point) => FollowUpPlan.Default.RuleFor(point);

    public static IReadOnlyList<FieldError> CheckEnrolment(EnrolmentInput input, bool personWithdrewConsentBefore, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.EnrolledOn is null) errors.Add(new("enrolledOn", "Ange inskrivningsdatum (ÅÅÅÅ-MM-DD)."));
        else if (input.EnrolledOn > today) errors.Add(new("enrolledOn", "Inskrivningsdatum ligger i framtiden."));
        if (ParticipantParse.Gender(input.Gender) is null) errors.Add(new("gender", "Ange kön: kvinna, man eller annat/vill ej ange."));
        if (input.Age is null or < 0 or > 120) errors.Add(new("age", "Ange ålder vid inskrivning i hela år (0–120)."));
        if (IsAnonymous(input.ConsentGiven, input.ProtectedIdentity))
        {
            var why = input.ProtectedIdentity ? "har skyddade personuppgifter" : "har inte lämnat skriftligt samtycke";
            if (input.HasIdentityNumber) errors.Add(new("identityNumber", $"Personen {why} och registreras anonymt: personnummer får inte anges."));
            if (input.HasName) errors.Add(new("name", $"Personen {why} och registreras anonymt: namn får inte anges."));
            if (personWithdrewConsentBefore)
                errors.Add(new("consent", "Personen har återkallat sitt samtycke och får inte registreras på nytt som anonym deltagare."));
        }
        else if (!input.HasIdentityNumber)
            errors.Add(new("identityNumber", "Med samtycke registreras personen med personnummer eller samordningsnummer."));
        return errors;
    }

    public static IReadOnlyList<FieldError> CheckExit(DateOnly enrolledOn, DateOnly? exitedOn, ExitReason? reason, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (exitedOn is null) errors.Add(new("exitedOn", "Ange utskrivningsdatum (ÅÅÅÅ-MM-DD)."));
        else if (exitedOn < enrolledOn) errors.Add(new("exitedOn", $"Utskrivningsdatum ligger före inskrivningen {enrolledOn:yyyy-MM-dd}."));
        else if (exitedOn > today) errors.Add(new("exitedOn", "Utskrivningsdatum ligger i framtiden."));
        if (reason is null) errors.Add(new("exitReason", $"Ange avslutsanledning: {string.Join(", ", Enum.GetValues<ExitReason>().Select(ParticipantNames.Swedish))}."));
        return errors;
    }

    public static FollowUpState StateOf(DateOnly exitedOn, FollowUpRule rule, DateOnly? measuredOn, DateOnly today)
    {
        if (measuredOn is not null) return FollowUpState.Done;
        var due = exitedOn.AddDays(rule.DaysAfterExit);
        if (today < due.AddDays(-rule.WindowDays)) return FollowUpState.Upcoming;
        return today <= due.AddDays(rule.WindowDays) ? FollowUpState.Due : FollowUpState.Missed;
    }

    /// <summary>Days in the intervention, both ends counted; an open episode counts to today.</summary>
    public static int DaysInIntervention(DateOnly enrolledOn, DateOnly? exitedOn, DateOnly today) => (exitedOn ?? today).DayNumber - enrolledOn.DayNumber + 1;
}

public static class ParticipantParse
{
    /// <summary>A value of a list by its code (e.g. "SocialAssistance") or its Swedish name, ignoring case.</summary>
    public static T? Value<T>(string? text, Func<T, string> swedish) where T : struct, Enum
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return null;
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(swedish(value), trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }

    public static ExitReason? ExitReason(string? text) => Value<ExitReason>(text, ParticipantNames.Swedish);
    public static Occupation? Occupation(string? text) => Value<Occupation>(text, ParticipantNames.Swedish);
    public static Education? Education(string? text) => Value<Education>(text, ParticipantNames.Swedish);
    public static IncomeSource? IncomeSource(string? text) => Value<IncomeSource>(text, ParticipantNames.Swedish);
    public static MeasurementPoint? Point(string? text) => Value<MeasurementPoint>(text, ParticipantNames.Swedish);

    /// <summary>"Kvinna, Man, Annat/vill ej ange": the choices of a list for an error message.</summary>
    public static string Choices<T>(Func<T, string> swedish) where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(swedish));

    public static Gender? Gender(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "kvinna" or "k" or "woman" => Participants.Gender.Woman,
        "man" or "m" => Participants.Gender.Man,
        "annat" or "annat/vill ej ange" or "other" or "vill ej ange" => Participants.Gender.Other,
        _ => null,
    };
}
