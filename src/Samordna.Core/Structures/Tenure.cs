using Samordna.Core.Common;

namespace Samordna.Core.Structures;

/// <summary>One person's time in a seat. PredecessorId links a successor to the person they replaced.</summary>
public sealed record Tenancy(int Id, int? PredecessorId, DateOnly? From, DateOnly? To);

public sealed record TurnoverSummary(int Year, int HoldersAtStart, int Left, int Joined)
{
    /// <summary>Left during the year as a share of those in the group on 1 January; null when nobody was.</summary>
    public double? Rate => HoldersAtStart == 0 ? null : (double)Left / HoldersAtStart;
}

/// <summary>Who holds a seat on a given day, and how seats changed hands: groups fall apart when people change jobs (seed 004).</summary>
public static class Tenure
{
    /// <summary>From and To are both inclusive; a missing From means "since before records", a missing To "still serving".</summary>
    public static bool IsCurrent(DateOnly? from, DateOnly? to, DateOnly date) =>
        (from is null || from <= date) && (to is null || date <= to);

    public static IReadOnlyList<FieldError> CheckPeriod(DateOnly? from, DateOnly? to, string fromField = "from", string toField = "to")
    {
        if (from is { } f && to is { } t && t < f)
            return [new(toField, $"Slutdatumet {t:yyyy-MM-dd} ligger före startdatumet {f:yyyy-MM-dd}.")];
        return [];
    }

    /// <summary>
    /// Ending a tenancy on a day, optionally with a successor starting the day after or later.
    /// The last day must not be before the first day, and the successor cannot start before the seat is free.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckEnding(Tenancy current, DateOnly lastDay, DateOnly? successorFrom)
    {
        var errors = new List<FieldError>();
        if (current.To is { } to && to < lastDay)
            errors.Add(new("lastDay", $"Uppdraget slutade redan {to:yyyy-MM-dd}."));
        if (current.From is { } from && lastDay < from)
            errors.Add(new("lastDay", $"Sista dagen {lastDay:yyyy-MM-dd} ligger före första dagen {from:yyyy-MM-dd}."));
        if (successorFrom is { } s && s <= lastDay)
            errors.Add(new("successorFrom", $"Efterträdaren kan börja tidigast dagen efter sista dagen ({lastDay.AddDays(1):yyyy-MM-dd})."));
        return errors;
    }

    /// <summary>The holders of the seat the given tenancy belongs to, first holder first.</summary>
    public static IReadOnlyList<Tenancy> SeatHistory(IReadOnlyList<Tenancy> all, int id)
    {
        var byId = all.ToDictionary(t => t.Id);
        if (!byId.TryGetValue(id, out var start)) return [];
        var first = start;
        var seen = new HashSet<int> { first.Id };
        while (first.PredecessorId is { } p && byId.TryGetValue(p, out var previous) && seen.Add(previous.Id)) first = previous;

        var chain = new List<Tenancy> { first };
        var next = first;
        while (all.FirstOrDefault(t => t.PredecessorId == next.Id && !chain.Contains(t)) is { } successor)
        {
            chain.Add(successor);
            next = successor;
        }
        return chain;
    }

    public static TurnoverSummary Turnover(IEnumerable<Tenancy> all, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var list = all.ToList();
        return new TurnoverSummary(year,
            HoldersAtStart: list.Count(t => IsCurrent(t.From, t.To, first)),
            Left: list.Count(t => t.To is { } to && to >= first && to <= last),
            Joined: list.Count(t => t.From is { } from && from > first && from <= last));
    }
}
