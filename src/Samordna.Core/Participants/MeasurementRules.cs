using System.Text.RegularExpressions;
using Samordna.Core.Common;

namespace Samordna.Core.Participants;

/// <summary>What the registrar states at one measurement point, as typed (codes or Swedish names).</summary>
public sealed record MeasurementInput(
    string? Point, DateOnly? MeasuredOn, IReadOnlyList<string>? IncomeSources, string? Occupation, string? Education,
    int? MonthsOnSupport, int? SelfRatedHealth, IReadOnlyDictionary<string, string>? ExtraAnswers);

/// <summary>A checked measurement, ready to store.</summary>
public sealed record MeasurementValues(
    MeasurementPoint Point, DateOnly MeasuredOn, IReadOnlySet<IncomeSource> IncomeSources, Occupation? Occupation, Education? Education,
    int? MonthsOnSupport, int? SelfRatedHealth, IReadOnlyDictionary<string, string> ExtraAnswers);

/// <summary>The episode a measurement belongs to, as far as the rules care.</summary>
public sealed record EpisodeState(DateOnly EnrolledOn, DateOnly? ExitedOn, bool Anonymous, bool Restricted)
{
    /// <summary>The follow-ups of the episode's intervention (the association's, or the default 90 and 365 days).</summary>
    public FollowUpPlan FollowUps { get; init; } = FollowUpPlan.Default;

    /// <summary>The association's own questions; null skips checking answers against definitions (only the generic checks).</summary>
    public IReadOnlyList<ExtraQuestion>? Questions { get; init; }
}

/// <summary>
/// Checks a measurement: anonymous and restricted participants get none; exit and follow-ups come after the exit
/// (a follow-up not before its window opens); time on support is stated at enrolment; the association's own
/// questions are short answers that must not hold an identity number.
/// </summary>
public static partial class MeasurementRules
{
    public const int MaxExtraAnswers = 20;

    public static Result<MeasurementValues> Check(MeasurementInput input, EpisodeState episode, DateOnly today)
    {
        if (episode.Anonymous)
            return Result<MeasurementValues>.Fail("measurement", "Anonyma deltagare har inga mätningar: för dem sparas bara kön, åldersgrupp, budgetår, insats och datum.");
        if (episode.Restricted)
            return Result<MeasurementValues>.Fail("measurement", "Deltagarens personuppgifter är begränsade (återkallat samtycke eller begäran om begränsning): inga nya mätningar registreras.");

        var errors = new List<FieldError>();
        var point = ParticipantParse.Point(input.Point);
        if (point is null) errors.Add(new("point", $"Ange mättillfälle: {ParticipantParse.Choices<MeasurementPoint>(ParticipantNames.Swedish)}."));

        if (input.MeasuredOn is not { } on) errors.Add(new("measuredOn", "Ange mätdatum (ÅÅÅÅ-MM-DD)."));
        else if (on > today) errors.Add(new("measuredOn", "Mätdatum ligger i framtiden."));
        else if (on < episode.EnrolledOn) errors.Add(new("measuredOn", $"Mätdatum ligger före inskrivningen {episode.EnrolledOn:yyyy-MM-dd}."));
        else if (point is not null and not MeasurementPoint.Enrolment)
        {
            if (episode.ExitedOn is not { } exited)
                errors.Add(new("point", $"{ParticipantNames.Swedish(point.Value)} registreras efter utskrivningen. Skriv ut deltagaren först."));
            else if (on < exited)
                errors.Add(new("measuredOn", $"Mätdatum ligger före utskrivningen {exited:yyyy-MM-dd}."));
            else if (episode.FollowUps.RuleFor(point.Value) is { } rule && on < exited.AddDays(rule.DaysAfterExit - rule.WindowDays))
                errors.Add(new("measuredOn", $"{ParticipantNames.Swedish(point.Value)} kan göras tidigast {exited.AddDays(rule.DaysAfterExit - rule.WindowDays):yyyy-MM-dd} ({rule.DaysAfterExit} dagar efter utskrivningen, med {rule.WindowDays} dagars marginal)."));
        }

        var sources = new HashSet<IncomeSource>();
        foreach (var (text, i) in (input.IncomeSources ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select((t, i) => (t, i)))
        {
            if (ParticipantParse.IncomeSource(text) is { } source) sources.Add(source);
            else errors.Add(new($"incomeSources[{i}]", $"Okänd försörjning \"{text}\". Välj bland: {ParticipantParse.Choices<IncomeSource>(ParticipantNames.Swedish)}."));
        }
        if (sources.Contains(IncomeSource.NoIncome) && sources.Count > 1)
            errors.Add(new("incomeSources", "\"Ingen egen försörjning\" kan inte kombineras med andra försörjningskällor."));

        var occupation = Parse(input.Occupation, ParticipantParse.Occupation, "occupation", "sysselsättning", ParticipantParse.Choices<Occupation>(ParticipantNames.Swedish), errors);
        var education = Parse(input.Education, ParticipantParse.Education, "education", "utbildning", ParticipantParse.Choices<Education>(ParticipantNames.Swedish), errors);

        if (input.MonthsOnSupport is { } months)
        {
            if (point is not null and not MeasurementPoint.Enrolment)
                errors.Add(new("monthsOnSupport", "Tid med offentlig försörjning före insatsen anges vid inskrivningen."));
            else if (months is < 0 or > 720)
                errors.Add(new("monthsOnSupport", "Tid med offentlig försörjning anges i hela månader, 0–720."));
        }
        if (input.SelfRatedHealth is < 1 or > 5)
            errors.Add(new("selfRatedHealth", "Självskattad hälsa anges från 1 (mycket dålig) till 5 (mycket bra)."));

        var extra = input.ExtraAnswers ?? new Dictionary<string, string>();
        if (extra.Count > MaxExtraAnswers) errors.Add(new("extraAnswers", $"Högst {MaxExtraAnswers} egna frågor per mätning."));
        IReadOnlyDictionary<string, string> answers = extra;
        if (episode.Questions is { } questions)
        {
            var checkedAnswers = ExtraQuestionRules.CheckAnswers(extra, questions);
            errors.AddRange(checkedAnswers.Errors);
            answers = checkedAnswers.Value ?? extra;
        }
        else
            foreach (var (code, answer) in extra)
            {
                if (!QuestionCode().IsMatch(code))
                    errors.Add(new($"extraAnswers.{code}", $"Frågekoden \"{code}\" ska vara 1–50 tecken: bokstäver a–z, siffror, - och _."));
                else if ((answer ?? "").Length > ExtraQuestionRules.MaxTextLength)
                    errors.Add(new($"extraAnswers.{code}", $"Svaret på {code} är längre än {ExtraQuestionRules.MaxTextLength} tecken."));
                else if (PersonalDataPatterns.IdentityNumbers(answer).Count > 0)
                    errors.Add(new($"extraAnswers.{code}", ExtraQuestionRules.IdentityNumberMessage(code)));
            }

        if (sources.Count == 0 && occupation is null && education is null && input.MonthsOnSupport is null && input.SelfRatedHealth is null && extra.Count == 0)
            errors.Add(new("measurement", "Ange minst en uppgift: försörjning, sysselsättning, utbildning, tid med försörjning, hälsa eller en egen fråga."));

        return errors.Count > 0
            ? Result<MeasurementValues>.Fail(errors)
            : Result<MeasurementValues>.Ok(new MeasurementValues(point!.Value, input.MeasuredOn!.Value, sources, occupation, education, input.MonthsOnSupport, input.SelfRatedHealth,
                answers.ToDictionary(e => e.Key, e => (e.Value ?? "").Trim())));
    }

    private static T? Parse<T>(string? text, Func<string?, T?> parse, string field, string label, string choices, List<FieldError> errors) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (parse(text) is { } value) return value;
        errors.Add(new(field, $"Okänd {label} \"{text}\". Välj bland: {choices}."));
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex QuestionCode();
}
