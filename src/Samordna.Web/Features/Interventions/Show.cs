using System.Globalization;
using Samordna.Core.Common;
using Samordna.Core.Reference;

namespace Samordna.Web.Features.Interventions;

/// <summary>How the intervention pages write figures: "–" for what is not known, Swedish amounts and dates.</summary>
public static class Show
{
    public const string Missing = "–";

    public static string Money(decimal? amount) => amount is { } a ? Amount.Format(a) : Missing;

    /// <summary>A share (0.85) as "85 %".</summary>
    public static string Share(decimal? share) => share is { } s ? $"{(s * 100).ToString("0", CultureInfo.GetCultureInfo("sv-SE"))} %" : Missing;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Missing;

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")) ?? Missing;

    public static string Text(string? text) => string.IsNullOrWhiteSpace(text) ? Missing : text;

    public static string Municipality(string code) => SwedishRegions.FindMunicipality(code)?.Name ?? code;

    public static string Municipalities(IEnumerable<string> codes) =>
        codes.Select(Municipality).ToList() is { Count: > 0 } names ? string.Join(", ", names) : Missing;
}
