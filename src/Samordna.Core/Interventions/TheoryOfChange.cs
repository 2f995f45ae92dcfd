using Samordna.Core.Common;

namespace Samordna.Core.Interventions;

public enum ActivityDelivery { Planned, Delivered, PartlyDelivered, NotDelivered }
public enum OutcomeTerm { Short, Medium, Long }
public enum OutcomeLevel { Collaboration, Participant }
public enum IndicatorSource { Manual, SurveyItem, ParticipantOutcome }

public sealed record ChangeActivity(string Text, ActivityDelivery Delivery, string? Note = null);

/// <summary>An expected effect. Code (E1, E2, …) is how indicators point at it.</summary>
public sealed record ChangeOutcome(string Code, string Text, OutcomeTerm Term, OutcomeLevel Level);

/// <summary>
/// How an outcome is measured. Reference is "instrument:item" for a survey item of the item bank, or one of
/// <see cref="TheoryOfChangeRules.ParticipantOutcomes"/> for a participant outcome of this platform.
/// </summary>
public sealed record ChangeIndicator(string Text, string OutcomeCode, IndicatorSource Source, string? Reference, decimal? Target);

/// <summary>
/// Förändringsteori / programlogik: why the activities should lead to the outcomes. Each save is a new version;
/// a version is never changed, so a review can always see what the intervention promised at the time.
/// </summary>
public sealed record TheoryOfChange(
    string Problem,
    IReadOnlyList<string> Resources,
    IReadOnlyList<ChangeActivity> Activities,
    IReadOnlyList<ChangeOutcome> Outcomes,
    IReadOnlyList<string> Mechanisms,
    IReadOnlyList<ChangeIndicator> Indicators,
    IReadOnlyList<DateOnly> ReviewDates)
{
    public static TheoryOfChange Empty { get; } = new("", [], [], [], [], [], []);

    /// <summary>JSON may leave lists out or hold nulls; dropped here before any rule reads them.</summary>
    public TheoryOfChange Normalised() => this with
    {
        Problem = Problem ?? "", Resources = NullFree.Of(Resources), Activities = NullFree.Of(Activities), Outcomes = NullFree.Of(Outcomes),
        Mechanisms = NullFree.Of(Mechanisms), Indicators = NullFree.Of(Indicators), ReviewDates = ReviewDates ?? [],
    };

    /// <summary>Activities that were planned and did not happen (or only partly): shown, never hidden.</summary>
    public IReadOnlyList<ChangeActivity> Undelivered(bool interventionEnded) =>
        Activities.Where(a => a.Delivery is ActivityDelivery.NotDelivered or ActivityDelivery.PartlyDelivered
                              || (interventionEnded && a.Delivery == ActivityDelivery.Planned)).ToList();

    public DateOnly? NextReview(DateOnly today) => ReviewDates.Where(d => d >= today).OrderBy(d => d).Cast<DateOnly?>().FirstOrDefault();
}

public static class TheoryOfChangeRules
{
    /// <summary>Participant outcomes the participant follow-up computes; an indicator may point at one of them.</summary>
    public static IReadOnlyDictionary<string, string> ParticipantOutcomes { get; } = new Dictionary<string, string>
    {
        ["work-or-studies-at-exit"] = "Andel i arbete eller studier vid avslut",
        ["work-or-studies-90"] = "Andel i arbete eller studier 90 dagar efter avslut",
        ["work-or-studies-365"] = "Andel i arbete eller studier ett år efter avslut",
        ["self-support-at-exit"] = "Andel med egen försörjning vid avslut",
        ["health-improved"] = "Andel med förbättrad självskattad hälsa",
    };

    /// <summary>
    /// Gives every outcome a code indicators can point at. An outcome keeps the code it has (E3 stays E3 when E1 is
    /// removed, so indicators never silently move to another outcome); a new one gets the next free number.
    /// </summary>
    public static IReadOnlyList<ChangeOutcome> Number(IEnumerable<ChangeOutcome> outcomes)
    {
        var used = new HashSet<string>();
        var kept = outcomes.Select(o =>
        {
            var code = (o.Code ?? "").Trim().ToUpperInvariant();
            return IsCode(code) && used.Add(code) ? o with { Code = code } : o with { Code = "" };
        }).ToList();
        var next = used.Select(c => int.Parse(c[1..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
        return kept.Select(o => o.Code.Length > 0 ? o : o with { Code = $"E{next++}" }).ToList();
    }

    private static bool IsCode(string code) => code.Length is > 1 and < 6 && code[0] == 'E' && code[1..].All(char.IsAsciiDigit);

    public static IReadOnlyList<FieldError> Validate(TheoryOfChange toc, Func<string, string, bool> surveyItemExists)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(toc.Problem))
            errors.Add(new("problem", "Beskriv problemet insatsen ska lösa."));
        for (var i = 0; i < toc.Activities.Count; i++)
            if (string.IsNullOrWhiteSpace(toc.Activities[i].Text)) errors.Add(new($"activities[{i}].text", $"Aktivitet {i + 1}: beskrivning saknas."));
        for (var i = 0; i < toc.Outcomes.Count; i++)
            if (string.IsNullOrWhiteSpace(toc.Outcomes[i].Text)) errors.Add(new($"outcomes[{i}].text", $"Effekt {i + 1}: beskrivning saknas."));
        var codes = toc.Outcomes.Select(o => o.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < toc.Indicators.Count; i++)
        {
            var indicator = toc.Indicators[i];
            var row = $"Indikator {i + 1}";
            if (string.IsNullOrWhiteSpace(indicator.Text)) errors.Add(new($"indicators[{i}].text", $"{row}: beskrivning saknas."));
            if (!codes.Contains(indicator.OutcomeCode))
                errors.Add(new($"indicators[{i}].outcomeCode", $"{row}: effekten \"{indicator.OutcomeCode}\" finns inte. Välj en av {(codes.Count == 0 ? "(inga effekter ännu)" : string.Join(", ", codes))}."));
            switch (indicator.Source)
            {
                case IndicatorSource.SurveyItem:
                    var parts = (indicator.Reference ?? "").Split(':', 2);
                    if (parts.Length != 2 || !surveyItemExists(parts[0].Trim(), parts[1].Trim()))
                        errors.Add(new($"indicators[{i}].reference", $"{row}: \"{indicator.Reference}\" är ingen fråga i frågebanken. Skriv instrument:fråga, t.ex. spindeln:S1."));
                    break;
                case IndicatorSource.ParticipantOutcome when !ParticipantOutcomes.ContainsKey(indicator.Reference ?? ""):
                    errors.Add(new($"indicators[{i}].reference", $"{row}: okänt deltagarutfall \"{indicator.Reference}\". Välj en av {string.Join(", ", ParticipantOutcomes.Keys)}."));
                    break;
            }
        }
        return errors;
    }
}

public static class TheoryOfChangeNames
{
    public static string Swedish(ActivityDelivery d) => d switch
    {
        ActivityDelivery.Planned => "Planerad",
        ActivityDelivery.Delivered => "Genomförd",
        ActivityDelivery.PartlyDelivered => "Delvis genomförd",
        ActivityDelivery.NotDelivered => "Inte genomförd",
        _ => d.ToString(),
    };

    public static string Swedish(OutcomeTerm t) => t switch
    {
        OutcomeTerm.Short => "Kort sikt",
        OutcomeTerm.Medium => "Medellång sikt",
        OutcomeTerm.Long => "Lång sikt",
        _ => t.ToString(),
    };

    public static string Swedish(OutcomeLevel l) => l switch
    {
        OutcomeLevel.Collaboration => "Samverkan",
        OutcomeLevel.Participant => "Deltagare",
        _ => l.ToString(),
    };

    public static string Swedish(IndicatorSource s) => s switch
    {
        IndicatorSource.Manual => "Egen uppgift",
        IndicatorSource.SurveyItem => "Fråga i frågebanken",
        IndicatorSource.ParticipantOutcome => "Deltagarutfall",
        _ => s.ToString(),
    };
}
