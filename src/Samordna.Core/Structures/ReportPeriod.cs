using System.Text.RegularExpressions;

namespace Samordna.Core.Structures;

/// <summary>A half-year reporting period, written "2019H1" (January–June) or "2019H2" (July–December).</summary>
public sealed partial record ReportPeriod(int Year, int Half)
{
    public DateOnly From => new(Year, Half == 1 ? 1 : 7, 1);
    public DateOnly To => new(Year, Half == 1 ? 6 : 12, Half == 1 ? 30 : 31);
    public string Code => $"{Year}H{Half}";
    public string Swedish => Half == 1 ? $"januari–juni {Year}" : $"juli–december {Year}";
    public ReportPeriod Previous => Half == 1 ? new(Year - 1, 2) : new(Year, 1);
    public ReportPeriod Next => Half == 1 ? new(Year, 2) : new(Year + 1, 1);

    public static ReportPeriod Containing(DateOnly date) => new(date.Year, date.Month <= 6 ? 1 : 2);

    public static ReportPeriod? Parse(string? text)
    {
        var m = Pattern().Match(text?.Trim() ?? "");
        return m.Success ? new(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : null;
    }

    [GeneratedRegex(@"^(20\d{2})[Hh]([12])$")]
    private static partial Regex Pattern();
}

public enum ActivityStatus { NotStarted, Ongoing, Done, Paused }

public static class ActivityStatuses
{
    public static string Swedish(ActivityStatus s) => s switch
    {
        ActivityStatus.NotStarted => "Ej påbörjad",
        ActivityStatus.Ongoing => "Pågår",
        ActivityStatus.Done => "Klar",
        ActivityStatus.Paused => "Vilande",
        _ => s.ToString(),
    };
}

/// <summary>What seed 004 says an introduction plan for new representatives should cover.</summary>
public static class IntroductionChecklist
{
    public static readonly IReadOnlyList<(string Code, string Text)> Items =
    [
        ("purpose", "Samordningsförbundets syfte och mål"),
        ("law", "Lagen om finansiell samordning"),
        ("mandate", "Gruppens uppdrag, gemensamma mål, handlingsplan och vision"),
        ("role", "Representantens roll och uppgift"),
        ("routines", "Gruppens rutiner och framgångsfaktorer"),
    ];

    public static bool IsItem(string? code) => Items.Any(i => i.Code == code);
}
