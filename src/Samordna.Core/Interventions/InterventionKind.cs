namespace Samordna.Core.Interventions;

/// <summary>
/// Individinriktad or strukturövergripande. One that is both is registered as two interventions, as in the
/// national follow-up, so every figure belongs to exactly one kind.
/// </summary>
public enum InterventionKind
{
    IndividualFocused,
    Structural,
}

/// <summary>How participants are followed up (mätmetod). Fixed once the board has decided.</summary>
public enum MeasurementMethod
{
    /// <summary>Participant episodes with personal data under consent (anonymous where consent is missing).</summary>
    PersonalData,
    /// <summary>Participant episodes, every participant anonymous.</summary>
    Anonymous,
    /// <summary>Volyminsats: counts by gender per month only.</summary>
    CountsOnly,
    /// <summary>Structural interventions have no participants.</summary>
    None,
}

public static class InterventionNames
{
    public static string Swedish(InterventionKind kind) => kind switch
    {
        InterventionKind.IndividualFocused => "Individinriktad",
        InterventionKind.Structural => "Strukturövergripande",
        _ => kind.ToString(),
    };

    public static string Swedish(MeasurementMethod method) => method switch
    {
        MeasurementMethod.PersonalData => "Deltagare med personuppgifter",
        MeasurementMethod.Anonymous => "Anonyma deltagare",
        MeasurementMethod.CountsOnly => "Endast antal (volyminsats)",
        MeasurementMethod.None => "Ingen deltagaruppföljning",
        _ => method.ToString(),
    };

    /// <summary>Parses the code name or the Swedish name, ignoring case; null when neither matches.</summary>
    public static TEnum? Parse<TEnum>(string? text, Func<TEnum, string> swedish) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<TEnum>())
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(swedish(value), trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }
}
