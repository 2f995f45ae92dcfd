namespace Samordna.Core.Measurement;

/// <summary>One question as a respondent meets it: an item, asked once, or once for one of the units they chose.</summary>
public sealed record FormQuestion(Item Item, string? Unit)
{
    /// <summary>The form field name: the item code, with the unit after a slash when asked per unit.</summary>
    public string Field => Unit is null ? Item.Code : $"{Item.Code}/{Unit}";
}

/// <summary>
/// Which questions a respondent is asked, in order: screening first (a screening answer listed in EndsSurveyOn ends
/// the survey), then the items asked once, then the per-unit block once for every unit the respondent works in
/// (Gävleborg: P1–P9 once per municipality).
/// </summary>
public static class SurveyForm
{
    public const string PerUnitPrefix = "per-";

    public static bool IsPerUnit(Item item) => item.Block.StartsWith(PerUnitPrefix, StringComparison.Ordinal);

    public static IReadOnlyList<Item> Screening(Instrument instrument) =>
        instrument.Items.Where(i => i.Kind == ItemKind.Screening).ToList();

    public static bool HasPerUnitBlock(Instrument instrument) => instrument.Items.Any(IsPerUnit);

    /// <summary>True when the screening answers end the survey.</summary>
    public static bool EndsSurvey(Instrument instrument, IReadOnlyDictionary<string, string?> screeningAnswers) =>
        Screening(instrument).Any(item => screeningAnswers.TryGetValue(item.Code, out var code) && code is not null
            && item.EndsSurveyOn.Contains(code, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<FormQuestion> Questions(Instrument instrument, IReadOnlyList<string> units) =>
        instrument.Items.Where(i => i.Kind != ItemKind.Screening && !IsPerUnit(i)).Select(i => new FormQuestion(i, null))
            .Concat(units.SelectMany(unit => instrument.Items.Where(IsPerUnit).Select(i => new FormQuestion(i, unit))))
            .ToList();
}
