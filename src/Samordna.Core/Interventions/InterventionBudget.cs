using Samordna.Core.Common;

namespace Samordna.Core.Interventions;

/// <summary>
/// Budget lines as in the national follow-up: the association's own money for the intervention (insatskostnad),
/// ESF money, and other funding. Only the first counts towards the association's budget.
/// </summary>
public enum BudgetLineKind
{
    InterventionCost,
    EsfCost,
    Other,
}

public sealed record BudgetLine(BudgetLineKind Kind, string? Label, decimal Budget, decimal? Outcome);

/// <summary>One intervention's year: planned (and, when known, actual) participants and its lines.</summary>
public sealed record BudgetYearFigures(int Year, int? PlannedParticipants, int? ActualParticipants, IReadOnlyList<BudgetLine> Lines)
{
    public decimal Budget => Lines.Sum(l => l.Budget);

    /// <summary>Null until some outcome is entered; lines without outcome count as zero once one has it.</summary>
    public decimal? Outcome => Lines.Any(l => l.Outcome is not null) ? Lines.Sum(l => l.Outcome ?? 0) : null;

    public decimal AssociationBudget => Lines.Where(l => l.Kind == BudgetLineKind.InterventionCost).Sum(l => l.Budget);

    public decimal? AssociationOutcome => Lines.Any(l => l.Kind == BudgetLineKind.InterventionCost && l.Outcome is not null)
        ? Lines.Where(l => l.Kind == BudgetLineKind.InterventionCost).Sum(l => l.Outcome ?? 0)
        : null;

    /// <summary>Outcome as a share of budget (0.85 = 85 %); null without outcome or budget.</summary>
    public decimal? Utilisation => Outcome is { } o && Budget > 0 ? o / Budget : null;

    /// <summary>Full cost (every line's outcome) per participant who actually took part.</summary>
    public decimal? CostPerParticipant => Outcome is { } o && ActualParticipants is > 0 ? decimal.Round(o / ActualParticipants.Value, 0) : null;
}

public static class BudgetRules
{
    /// <summary>A finished year that used less than this share of its budget is flagged as under-used.</summary>
    public const decimal UnderUseThreshold = 0.80m;

    /// <summary>During the year, flag when outcome lags the share of the year gone by by more than this.</summary>
    public const decimal InYearLag = 0.25m;

    public static IReadOnlyList<FieldError> Validate(BudgetYearFigures figures)
    {
        var errors = new List<FieldError>();
        if (figures.Year is < 2004 or > 2100)
            errors.Add(new("year", $"Året {figures.Year} ligger utanför 2004–2100 (Finsam gäller från 2004)."));
        if (figures.PlannedParticipants is < 0)
            errors.Add(new("plannedParticipants", "Planerat antal deltagare kan inte vara negativt."));
        if (figures.ActualParticipants is < 0)
            errors.Add(new("actualParticipants", "Faktiskt antal deltagare kan inte vara negativt."));
        for (var i = 0; i < figures.Lines.Count; i++)
        {
            var line = figures.Lines[i];
            var row = $"Rad {i + 1}";
            if (line.Budget < 0) errors.Add(new($"lines[{i}].budget", $"{row}: budget kan inte vara negativ."));
            if (line.Outcome is < 0) errors.Add(new($"lines[{i}].outcome", $"{row}: utfall kan inte vara negativt."));
            if (line.Kind == BudgetLineKind.Other && string.IsNullOrWhiteSpace(line.Label))
                errors.Add(new($"lines[{i}].label", $"{row}: ange vad raden Övrigt avser, t.ex. \"Regionens medfinansiering\"."));
        }
        foreach (var kind in new[] { BudgetLineKind.InterventionCost, BudgetLineKind.EsfCost })
        {
            var rows = figures.Lines.Select((l, i) => (l, i)).Where(x => x.l.Kind == kind).Skip(1).ToList();
            foreach (var (_, i) in rows)
                errors.Add(new($"lines[{i}].kind", $"Rad {i + 1}: {BudgetLineNames.Swedish(kind)} finns redan. Ange ett belopp per år, eller använd Övrigt."));
        }
        return errors;
    }

    /// <summary>The office's own budget and outcome for a year (kansli): amounts, never negative.</summary>
    public static IReadOnlyList<FieldError> ValidateAdministration(decimal? budget, decimal? outcome)
    {
        var errors = new List<FieldError>();
        if (budget is null) errors.Add(new("administrationBudget", "Ange administrationens budget i kronor (0 om kansliet inte har egen budget)."));
        else if (budget < 0) errors.Add(new("administrationBudget", "Administrationens budget kan inte vara negativ."));
        if (outcome is < 0) errors.Add(new("administrationOutcome", "Administrationens utfall kan inte vara negativt."));
        return errors;
    }

    /// <summary>
    /// Full cost per participant over several years, from the years where both outcome and actual participants are
    /// known: dividing every year's cost by some years' participants would overstate it.
    /// </summary>
    public static decimal? CostPerParticipant(IEnumerable<BudgetYearFigures> years)
    {
        var known = years.Where(y => y.Outcome is not null && y.ActualParticipants is > 0).ToList();
        return known.Count == 0 ? null : decimal.Round(known.Sum(y => y.Outcome!.Value) / known.Sum(y => y.ActualParticipants!.Value), 0);
    }

    /// <summary>Interventions whose participants are registered as episodes (with personal data or anonymously).</summary>
    public static bool CountsEpisodes(MeasurementMethod method) => method is MeasurementMethod.PersonalData or MeasurementMethod.Anonymous;

    /// <summary>
    /// The year's actual participants: for an intervention with participant follow-up, the participants counted from
    /// its episodes (each person once per year, mistaken registrations left out) whenever the year has any; the typed
    /// count stays for count-only and structural interventions, and for years before episodes were registered.
    /// </summary>
    public static BudgetYearFigures WithCountedParticipants(BudgetYearFigures figures, MeasurementMethod method, int? counted) =>
        UsesCountedParticipants(method, counted) ? figures with { ActualParticipants = counted } : figures;

    /// <summary>Whether a year's actual participants are the ones counted from episodes rather than the typed count.</summary>
    public static bool UsesCountedParticipants(MeasurementMethod method, int? counted) => CountsEpisodes(method) && counted is > 0;

    /// <summary>Under-use and overspending, judged against how much of the year has passed on <paramref name="today"/>.</summary>
    public static IReadOnlyList<string> Warnings(BudgetYearFigures figures, DateOnly today)
    {
        var warnings = new List<string>();
        if (figures.Budget <= 0 || today.Year < figures.Year) return warnings;
        if (figures.Utilisation is not { } used)
        {
            if (today.Year > figures.Year) warnings.Add($"{figures.Year}: utfall saknas för ett avslutat år.");
            return warnings;
        }
        var percent = $"{used * 100:0} %";
        if (used > 1) warnings.Add($"{figures.Year}: utfallet överstiger budget ({percent}).");
        else if (today.Year > figures.Year && used < UnderUseThreshold)
            warnings.Add($"{figures.Year}: bara {percent} av budget användes (varningsgräns {UnderUseThreshold * 100:0} %).");
        else if (today.Year == figures.Year)
        {
            var elapsed = (decimal)today.DayOfYear / (DateTime.IsLeapYear(today.Year) ? 366 : 365);
            if (used < elapsed - InYearLag)
                warnings.Add($"{figures.Year}: {percent} av budget använd när {elapsed * 100:0} % av året gått. Risk för underutnyttjande.");
        }
        if (figures.PlannedParticipants is > 0 && figures.ActualParticipants is { } actual && today.Year > figures.Year
            && actual < figures.PlannedParticipants * UnderUseThreshold)
            warnings.Add($"{figures.Year}: {actual} deltagare av {figures.PlannedParticipants} planerade.");
        return warnings;
    }
}

/// <summary>The association's budget for a year: the interventions' own money plus administration, against contributions.</summary>
public sealed record AssociationBudgetSummary(
    int Year, decimal InterventionBudget, decimal? InterventionOutcome, decimal Administration, decimal? AdministrationOutcome, decimal? Contributions)
{
    public decimal Total => InterventionBudget + Administration;
    public decimal? TotalOutcome => InterventionOutcome is null && AdministrationOutcome is null ? null : (InterventionOutcome ?? 0) + (AdministrationOutcome ?? 0);
    /// <summary>Contributions not yet given to an intervention or administration; negative when over-committed.</summary>
    public decimal? Unallocated => Contributions - Total;

    public static AssociationBudgetSummary For(int year, IEnumerable<BudgetYearFigures> interventions, decimal administration, decimal? administrationOutcome, decimal? contributions)
    {
        var list = interventions.Where(f => f.Year == year).ToList();
        var outcomes = list.Select(f => f.AssociationOutcome).Where(o => o is not null).ToList();
        return new(year, list.Sum(f => f.AssociationBudget), outcomes.Count == 0 ? null : outcomes.Sum(), administration, administrationOutcome, contributions);
    }
}

public static class BudgetLineNames
{
    public static string Swedish(BudgetLineKind kind) => kind switch
    {
        BudgetLineKind.InterventionCost => "Insatskostnad (förbundets medel)",
        BudgetLineKind.EsfCost => "ESF-medel",
        BudgetLineKind.Other => "Övrigt",
        _ => kind.ToString(),
    };

    public static BudgetLineKind? Parse(string? text) => InterventionNames.Parse<BudgetLineKind>(text, Swedish);
}
