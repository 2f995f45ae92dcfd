using Samordna.Core.Common;

namespace Samordna.Core.Structures;

public enum ExpiryState { OpenEnded, Valid, ExpiresSoon, Expired, NotYetValid }

/// <summary>Local agreements expire unnoticed (seed 001: Aneby's agreement ran to 2020-04-01): remind before they do.</summary>
public static class AgreementExpiry
{
    public const int DefaultReminderDays = 90;

    public static ExpiryState State(DateOnly validFrom, DateOnly? validTo, DateOnly today, int reminderDays)
    {
        if (today < validFrom) return ExpiryState.NotYetValid;
        if (validTo is not { } to) return ExpiryState.OpenEnded;
        if (to < today) return ExpiryState.Expired;
        return today >= to.AddDays(-reminderDays) ? ExpiryState.ExpiresSoon : ExpiryState.Valid;
    }

    public static string Describe(ExpiryState state, DateOnly? validTo, DateOnly today) => state switch
    {
        ExpiryState.OpenEnded => "Gäller tills vidare.",
        ExpiryState.Valid => $"Gäller till {validTo:yyyy-MM-dd}.",
        ExpiryState.ExpiresSoon => $"Löper ut {validTo:yyyy-MM-dd}, om {validTo!.Value.DayNumber - today.DayNumber} dagar: dags att förnya.",
        ExpiryState.Expired => $"Löpte ut {validTo:yyyy-MM-dd}. Ingen gällande version finns.",
        ExpiryState.NotYetValid => "Börjar gälla senare.",
        _ => "",
    };

    public static IReadOnlyList<FieldError> CheckVersion(DateOnly? validFrom, DateOnly? validTo, int? ageFrom, int? ageTo, int reminderDays)
    {
        var errors = new List<FieldError>();
        if (validFrom is null) errors.Add(new("validFrom", "Ange från vilket datum överenskommelsen gäller (ÅÅÅÅ-MM-DD)."));
        errors.AddRange(Tenure.CheckPeriod(validFrom, validTo, "validFrom", "validTo"));
        if (ageFrom is < 0 or > 120) errors.Add(new("ageFrom", "Målgruppens lägsta ålder ska vara mellan 0 och 120 år."));
        if (ageTo is < 0 or > 120) errors.Add(new("ageTo", "Målgruppens högsta ålder ska vara mellan 0 och 120 år."));
        if (ageFrom is { } a && ageTo is { } b && b < a) errors.Add(new("ageTo", $"Högsta ålder ({b}) är lägre än lägsta ålder ({a})."));
        if (reminderDays is < 0 or > 730) errors.Add(new("reminderDays", "Påminnelsen ska komma mellan 0 och 730 dagar före slutdatumet."));
        return errors;
    }
}
