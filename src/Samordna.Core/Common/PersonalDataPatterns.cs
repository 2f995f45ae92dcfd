using System.Text.RegularExpressions;

namespace Samordna.Core.Common;

/// <summary>
/// Finds Swedish identity numbers (personnummer and samordningsnummer, with or without century and separator)
/// in free text that must not hold personal data: survey comments, deviation reports.
/// </summary>
public static partial class PersonalDataPatterns
{
    /// <summary>The identity-number-like strings in the text: a plausible date (or samordningsnummer day + 60) and four digits.</summary>
    public static IReadOnlyList<string> IdentityNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return IdentityNumber().Matches(text)
            .Where(m => PlausibleDate(m.Groups["month"].Value, m.Groups["day"].Value))
            .Select(m => m.Value).ToList();
    }

    /// <summary>One error per free-text field that holds something like a personnummer or samordningsnummer.</summary>
    /// <param name="why">the sentence that says why this text must not identify anyone.</param>
    public static IReadOnlyList<FieldError> CheckFields(IEnumerable<(string Field, string Label, string? Text)> fields, string why)
    {
        var errors = new List<FieldError>();
        foreach (var (field, label, text) in fields)
        {
            var found = IdentityNumbers(text);
            if (found.Count == 0) continue;
            var where = string.Join(", ", found.Select(f => $"tecken {text!.IndexOf(f, StringComparison.Ordinal) + 1}"));
            errors.Add(new(field,
                $"{label} innehåller {(found.Count == 1 ? "något som liknar ett personnummer eller samordningsnummer" : $"{found.Count} nummer som liknar personnummer eller samordningsnummer")} ({where}). " +
                $"{why} Ta bort numret och annat som kan peka ut personen; ingenting har sparats."));
        }
        return errors;
    }

    private static bool PlausibleDate(string month, string day)
    {
        var m = int.Parse(month);
        var d = int.Parse(day);
        return m is >= 1 and <= 12 && (d is >= 1 and <= 31 || d is >= 61 and <= 91);
    }

    // [0-9], not \d: .NET's \d matches the digits of every script, which int.Parse then refuses.
    [GeneratedRegex(@"(?<![0-9])(?:19|20)?[0-9]{2}(?<month>[0-9]{2})(?<day>[0-9]{2})[-+ ]?[0-9]{4}(?![0-9])")]
    private static partial Regex IdentityNumber();
}
