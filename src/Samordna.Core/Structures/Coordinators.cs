namespace Samordna.Core.Structures;

/// <summary>A coordinator post held by a person for a period (seed 001: Aneby 50 %, 2016-08-01 – 2017-07-31 …).</summary>
public sealed record CoordinatorPeriod(string Person, decimal FtePercent, DateOnly From, DateOnly? To);

public sealed record Vacancy(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

public sealed record FundingCheck(int Year, long Cap, long? ActualCost, double StaffedShare)
{
    public long? Remaining => ActualCost is { } c ? Cap - c : null;
    public bool OverCap => ActualCost > Cap;
}

/// <summary>Coverage of a municipality's coordinator post and its funding cap against the actual cost.</summary>
public static class Coordinators
{
    /// <summary>Days in [from, to] when nobody held the post.</summary>
    public static IReadOnlyList<Vacancy> Vacancies(IEnumerable<CoordinatorPeriod> periods, DateOnly from, DateOnly to)
    {
        var gaps = new List<Vacancy>();
        var cursor = from;
        foreach (var p in periods.OrderBy(p => p.From))
        {
            var end = p.To ?? DateOnly.MaxValue;
            if (end < cursor) continue;
            if (p.From > to) break;
            if (p.From > cursor) gaps.Add(new(cursor, p.From.AddDays(-1) < to ? p.From.AddDays(-1) : to));
            if (end >= to) return gaps;
            if (end.AddDays(1) > cursor) cursor = end.AddDays(1);
        }
        if (cursor <= to) gaps.Add(new(cursor, to));
        return gaps;
    }

    /// <summary>The share of the year's days when someone held the post (0 to 1).</summary>
    public static double StaffedShare(IEnumerable<CoordinatorPeriod> periods, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var days = last.DayNumber - first.DayNumber + 1;
        var vacant = Vacancies(periods, first, last).Sum(v => v.Days);
        return (double)(days - vacant) / days;
    }

    public static FundingCheck Check(int year, long cap, long? actualCost, IEnumerable<CoordinatorPeriod> periods) =>
        new(year, cap, actualCost, StaffedShare(periods, year));
}
