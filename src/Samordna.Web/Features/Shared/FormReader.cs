using System.Globalization;
using Samordna.Core.Common;

namespace Samordna.Web.Features.Shared;

/// <summary>
/// Reads what a person typed: dates as ÅÅÅÅ-MM-DD, numbers and amounts the Swedish way ("1 250 000", "12,5"),
/// collecting an error that names the field and what was expected. Blank is null, never an error here: the rules
/// say what is required.
/// </summary>
public sealed class FormReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyyMMdd"];

    public List<FieldError> Errors { get; } = [];

    public DateOnly? Date(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Errors.Add(new(field, $"{what}: \"{text}\" är inget datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2019-03-15."));
        return null;
    }

    /// <summary>An amount in kronor or another number with at most two decimals; a trailing % is allowed.</summary>
    public decimal? Number(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Amount.TryParse(text.Trim().TrimEnd('%'), out var value)) return value;
        Errors.Add(new(field, $"{what}: \"{text}\" är inget tal. Skriv t.ex. 1 250 000 eller 12,5 (högst två decimaler)."));
        return null;
    }

    public int? Whole(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim().Replace(" ", "").Replace("\u00a0", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        Errors.Add(new(field, $"{what}: \"{text}\" är inget heltal. Skriv bara siffror, t.ex. 40."));
        return null;
    }

    /// <summary>One entry per line (a text area, or a list stored one per line), blank lines left out.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How a stored number is shown again in a form field: "1 250 000", "99 500,5", as it is read back.</summary>
    public static string? Show(decimal? value) => value?.ToString("#,0.##", CultureInfo.GetCultureInfo("sv-SE"));

    public static string? Show(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
