namespace Samordna.Core.Participants;

/// <summary>A period on public support (ersättning, bistånd), as the registrar or the person states it.</summary>
public sealed record SupportPeriod(DateOnly From, DateOnly? To);

/// <summary>
/// Time on public support before enrolment: the continuous stretch that reaches the enrolment date, where an
/// interruption shorter than one month does not break the stretch (GUIDE §4, as in the national follow-up).
/// </summary>
public static class SupportTime
{
    public static readonly IReadOnlyList<(int FromMonths, int? ToMonths, string Label)> Bands =
    [
        (0, 0, "Ingen"), (1, 11, "Under 1 år"), (12, 23, "1–2 år"), (24, 59, "2–5 år"), (60, 119, "5–10 år"), (120, null, "10 år eller längre"),
    ];

    /// <summary>Whole months of continuous support up to <paramref name="enrolment"/>; 0 when not on support then.</summary>
    public static int MonthsBefore(IEnumerable<SupportPeriod> periods, DateOnly enrolment)
    {
        // Merge periods (up to enrolment) into stretches, joining across gaps shorter than a month.
        var stretches = new List<(DateOnly From, DateOnly To)>();
        foreach (var (from, to) in periods.Where(p => p.From <= enrolment)
                     .Select(p => (p.From, To: p.To is { } t && t < enrolment ? t : enrolment)).OrderBy(p => p.From))
        {
            if (stretches.Count > 0 && from < stretches[^1].To.AddMonths(1))
                stretches[^1] = (stretches[^1].From, to > stretches[^1].To ? to : stretches[^1].To);
            else
                stretches.Add((from, to));
        }
        // Only a stretch that lasts until enrolment (or stopped less than a month before) counts.
        if (stretches.Count == 0 || stretches[^1].To.AddMonths(1) <= enrolment) return 0;
        return WholeMonths(stretches[^1].From, enrolment);
    }

    public static string Band(int months) => Bands.First(b => months >= b.FromMonths && (b.ToMonths is null || months <= b.ToMonths)).Label;

    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }
}
