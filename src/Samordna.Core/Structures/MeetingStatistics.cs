namespace Samordna.Core.Structures;

/// <summary>One meeting as statistics sees it. Quorate and the seat counts matter only for held meetings.</summary>
public sealed record MeetingFact(int GroupId, int Year, MeetingStatus Status, bool CancelledForLackOfQuorum, bool Quorate, int FilledSeats, int OrdinarySeats);

public sealed record GroupYearStatistics(int GroupId, int Year, int? Planned, int Scheduled, int Held, int Cancelled, int QuorumFailures, int FilledSeats, int OrdinarySeats)
{
    /// <summary>Filled ordinary seats over all held meetings; null when no meeting was held.</summary>
    public double? AttendanceRate => OrdinarySeats == 0 ? null : (double)FilledSeats / OrdinarySeats;

    /// <summary>Held meetings against the number the group plans a year; null when it plans none.</summary>
    public double? HeldShareOfPlanned => Planned is > 0 ? (double)Held / Planned.Value : null;
}

/// <summary>Meetings planned vs held, attendance rate and quorum failures, per group and year.</summary>
public static class MeetingStatistics
{
    /// <summary>
    /// A quorum failure is a held meeting that was not quorate or a meeting cancelled for lack of quorum
    /// (Samverk Nässjö's March 2019 meeting, seed 001). Planned is the group's target per year.
    /// Groups without meetings in a year appear for the years asked for.
    /// </summary>
    public static IReadOnlyList<GroupYearStatistics> Compute(IEnumerable<MeetingFact> meetings, IReadOnlyDictionary<int, int?> plannedPerYear, IEnumerable<int> years)
    {
        var byKey = meetings.ToLookup(m => (m.GroupId, m.Year));
        var keys = plannedPerYear.Keys.SelectMany(g => years.Select(y => (GroupId: g, Year: y)))
            .Concat(byKey.Select(g => g.Key)).Distinct().OrderBy(k => k.GroupId).ThenBy(k => k.Year);
        return keys.Select(k =>
        {
            var list = byKey[k].ToList();
            var held = list.Where(m => m.Status == MeetingStatus.Held).ToList();
            return new GroupYearStatistics(k.GroupId, k.Year, plannedPerYear.GetValueOrDefault(k.GroupId),
                Scheduled: list.Count,
                Held: held.Count,
                Cancelled: list.Count(m => m.Status == MeetingStatus.Cancelled),
                QuorumFailures: held.Count(m => !m.Quorate) + list.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledForLackOfQuorum),
                FilledSeats: held.Sum(m => m.FilledSeats),
                OrdinarySeats: held.Sum(m => m.OrdinarySeats));
        }).ToList();
    }
}
