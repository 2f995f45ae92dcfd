using System.Globalization;
using System.Text.RegularExpressions;
using Samordna.Core.Common;

namespace Samordna.Core.Participants;

public enum ExtraQuestionKind { YesNo, Choice, Number, Text }

/// <summary>One of the association's own questions: a code, the Swedish wording, and what an answer may be.</summary>
public sealed record ExtraQuestion(string Code, string Wording, ExtraQuestionKind Kind, IReadOnlyList<string> Choices, int? MaxLength, decimal? Min, decimal? Max, bool Active = true);

/// <summary>A definition as typed in the form or the API.</summary>
public sealed record ExtraQuestionInput(string? Code, string? Wording, string? Kind, IReadOnlyList<string>? Choices, int? MaxLength, decimal? Min, decimal? Max, bool Active = true);

/// <summary>
/// The association's own questions, asked at enrolment, exit and follow-ups of participants with consent. An answer
/// is stored as text under its code with the other measurement values, so a correction keeps its history the same
/// way. Anonymous (and restricted) participants answer none: they have no measurements at all (docs/participants.md).
/// Only yes/no and choice questions appear in the report, as counts with small cells hidden; numbers and free text
/// stay with the registrar.
/// </summary>
public static partial class ExtraQuestionRules
{
    public const int MaxTextLength = 500;
    public const int MaxChoices = 20;
    public const int MaxQuestions = 20;
    public static readonly IReadOnlyList<string> YesNo = ["Ja", "Nej"];

    public static string Swedish(ExtraQuestionKind kind) => kind switch
    {
        ExtraQuestionKind.YesNo => "Ja/nej",
        ExtraQuestionKind.Choice => "Val i lista",
        ExtraQuestionKind.Number => "Tal",
        _ => "Text",
    };

    public static string IdentityNumberMessage(string code) =>
        $"Svaret på {code} ser ut att innehålla ett personnummer. Personnummer registreras bara i fältet för personnummer.";

    /// <summary>The answers a report may count: a yes/no or choice question has a fixed list of answers.</summary>
    public static bool IsCounted(ExtraQuestionKind kind) => kind is ExtraQuestionKind.YesNo or ExtraQuestionKind.Choice;

    public static IReadOnlyList<string> Categories(ExtraQuestion q) => q.Kind == ExtraQuestionKind.YesNo ? YesNo : q.Choices;

    public static Result<ExtraQuestion> CheckDefinition(ExtraQuestionInput input)
    {
        var errors = new List<FieldError>();
        var code = (input.Code ?? "").Trim();
        var wording = (input.Wording ?? "").Trim();
        if (!Code().IsMatch(code)) errors.Add(new("code", $"Frågekoden \"{code}\" ska vara 1–50 tecken: bokstäver a–z, siffror, - och _ (t.ex. \"boende\")."));
        if (wording.Length == 0) errors.Add(new("wording", "Skriv frågan som registratorn ställer, på svenska."));
        else if (wording.Length > 300) errors.Add(new("wording", $"Frågan är {wording.Length} tecken; högst 300."));
        errors.AddRange(PersonalDataPatterns.CheckFields([("wording", "Frågan", wording)], "En fråga handlar aldrig om en viss person."));
        var kind = ParticipantParse.Value<ExtraQuestionKind>(input.Kind, Swedish);
        if (kind is null) errors.Add(new("kind", $"Ange frågetyp: {ParticipantParse.Choices<ExtraQuestionKind>(Swedish)}."));

        var choices = (input.Choices ?? []).Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).ToList();
        if (kind == ExtraQuestionKind.Choice)
        {
            if (choices.Count < 2) errors.Add(new("choices", "En fråga med val i lista behöver minst två svarsalternativ, ett per rad."));
            if (choices.Count > MaxChoices) errors.Add(new("choices", $"Högst {MaxChoices} svarsalternativ."));
            if (choices.Any(c => c.Length > 100)) errors.Add(new("choices", "Ett svarsalternativ får vara högst 100 tecken."));
            if (choices.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                errors.Add(new("choices", $"Svarsalternativet \"{twice.Key}\" finns två gånger."));
        }
        else if (choices.Count > 0 && kind is not null)
            errors.Add(new("choices", $"Svarsalternativ anges bara för frågetypen {Swedish(ExtraQuestionKind.Choice)}."));

        int? maxLength = null;
        if (kind == ExtraQuestionKind.Text)
        {
            maxLength = input.MaxLength ?? 200;
            if (maxLength is < 1 or > MaxTextLength) errors.Add(new("maxLength", $"Längsta svar ska vara 1–{MaxTextLength} tecken."));
        }
        if (kind == ExtraQuestionKind.Number && input.Min is { } min && input.Max is { } max && min > max)
            errors.Add(new("max", $"Största värdet ({max}) är mindre än minsta ({min})."));
        var number = kind == ExtraQuestionKind.Number;
        return errors.Count > 0
            ? Result<ExtraQuestion>.Fail(errors)
            : Result<ExtraQuestion>.Ok(new(code, wording, kind!.Value, kind == ExtraQuestionKind.Choice ? choices : [], maxLength,
                number ? input.Min : null, number ? input.Max : null, input.Active));
    }

    /// <summary>
    /// Checks answers against the association's active questions and normalises them (Ja/Nej, the choice as defined,
    /// numbers with a decimal point). A blank answer is left out.
    /// </summary>
    public static Result<IReadOnlyDictionary<string, string>> CheckAnswers(IReadOnlyDictionary<string, string> answers, IReadOnlyList<ExtraQuestion> questions)
    {
        var errors = new List<FieldError>();
        var byCode = questions.Where(q => q.Active).ToDictionary(q => q.Code, StringComparer.OrdinalIgnoreCase);
        var kept = new Dictionary<string, string>();
        foreach (var (code, raw) in answers)
        {
            var answer = (raw ?? "").Trim();
            var field = $"extraAnswers.{code}";
            if (!byCode.TryGetValue(code, out var q))
            {
                errors.Add(new(field, byCode.Count == 0
                    ? $"Förbundet har inga egna frågor, så \"{code}\" kan inte besvaras."
                    : $"Förbundet har ingen aktiv fråga med koden \"{code}\". Frågorna är: {string.Join(", ", byCode.Keys.Order())}."));
                continue;
            }
            if (answer.Length == 0) continue;
            var normalised = q.Kind switch
            {
                ExtraQuestionKind.YesNo => answer.ToLowerInvariant() switch { "ja" or "yes" or "true" => "Ja", "nej" or "no" or "false" => "Nej", _ => null },
                ExtraQuestionKind.Choice => q.Choices.FirstOrDefault(c => string.Equals(c, answer, StringComparison.OrdinalIgnoreCase)),
                ExtraQuestionKind.Number => decimal.TryParse(answer.Replace(',', '.').Replace(" ", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                    && (q.Min is null || n >= q.Min) && (q.Max is null || n <= q.Max) ? n.ToString(CultureInfo.InvariantCulture) : null,
                _ => answer.Length <= (q.MaxLength ?? MaxTextLength) && PersonalDataPatterns.IdentityNumbers(answer).Count == 0 ? answer : null,
            };
            if (normalised is not null) { kept[q.Code] = normalised; continue; }
            errors.Add(new(field, q.Kind switch
            {
                ExtraQuestionKind.YesNo => $"\"{q.Wording}\": svara Ja eller Nej, inte \"{answer}\".",
                ExtraQuestionKind.Choice => $"\"{q.Wording}\": \"{answer}\" finns inte bland svarsalternativen {string.Join(", ", q.Choices)}.",
                ExtraQuestionKind.Number => $"\"{q.Wording}\": ange ett tal{Range(q)}, inte \"{answer}\".",
                _ when answer.Length > (q.MaxLength ?? MaxTextLength) => $"\"{q.Wording}\": svaret är {answer.Length} tecken; högst {q.MaxLength ?? MaxTextLength}.",
                _ => IdentityNumberMessage(q.Code),
            }));
        }
        return errors.Count > 0 ? Result<IReadOnlyDictionary<string, string>>.Fail(errors) : Result<IReadOnlyDictionary<string, string>>.Ok(kept);
    }

    private static string Range(ExtraQuestion q) => (q.Min, q.Max) switch
    {
        ({ } min, { } max) => $" från {min} till {max}",
        ({ } min, null) => $" från {min}",
        (null, { } max) => $" högst {max}",
        _ => "",
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex Code();
}
