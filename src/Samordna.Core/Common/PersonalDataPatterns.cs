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
