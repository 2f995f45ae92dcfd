using Samordna.Core.Common;

namespace Samordna.Core.Structures;

/// <summary>The categories of a failure in collaboration (Lex Heller, seed 001), decided here since the seed names none.</summary>
public enum DeviationCategory { ContactPaths, InformationTransfer, Handover, Rules, WaitingTime, UnclearResponsibility, Other }

public enum DeviationStatus { New, InProgress, Closed }

public sealed record DeviationFact(DeviationCategory Category, IReadOnlyList<string> Actors, int Year);

public sealed record DeviationCount(string Key, int Count);

/// <summary>
/// Deviation reports describe what failed between organisations, never who it happened to: the association
/// handles no individual cases. Free text that looks like an identity number is refused, not stored.
/// </summary>
public static class Deviations
{
    public static string Swedish(DeviationCategory category) => category switch
    {
        DeviationCategory.ContactPaths => "Kontaktvägar",
        DeviationCategory.InformationTransfer => "Informationsöverföring",
        DeviationCategory.Handover => "Överlämning mellan aktörer",
        DeviationCategory.Rules => "Regelverk som krockar",
        DeviationCategory.WaitingTime => "Väntetid",
        DeviationCategory.UnclearResponsibility => "Oklart ansvar",
        DeviationCategory.Other => "Annat",
        _ => category.ToString(),
    };

    public static string Swedish(DeviationStatus status) => status switch
    {
        DeviationStatus.New => "Ny",
        DeviationStatus.InProgress => "Under åtgärd",
        DeviationStatus.Closed => "Avslutad",
        _ => status.ToString(),
    };

    /// <summary>One error per free-text field that holds something like a personnummer or samordningsnummer.</summary>
    public static IReadOnlyList<FieldError> CheckFreeText(IEnumerable<(string Field, string Label, string? Text)> fields) =>
        PersonalDataPatterns.CheckFields(fields, "En avvikelse beskriver vad som brast i samverkan, aldrig vem det gällde.");

    public static IReadOnlyList<DeviationCount> PerCategory(IEnumerable<DeviationFact> facts) =>
        facts.GroupBy(f => f.Category).OrderBy(g => g.Key).Select(g => new DeviationCount(Swedish(g.Key), g.Count())).ToList();

    /// <summary>A report naming two actors counts once for each, so the actor counts can sum to more than the reports.</summary>
    public static IReadOnlyList<DeviationCount> PerActor(IEnumerable<DeviationFact> facts) =>
        facts.SelectMany(f => f.Actors.Distinct()).GroupBy(a => a)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DeviationCount(g.Key, g.Count())).ToList();
}
