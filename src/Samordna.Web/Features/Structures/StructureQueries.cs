using Microsoft.EntityFrameworkCore;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record MeetingView(Meeting Meeting, QuorumResult? Quorum, IReadOnlyList<(GroupMember Member, Attendance Attendance)> Attendance);

public sealed record GroupSummary(CollaborationGroup Group, int CurrentMembers, GroupYearStatistics Statistics);

public sealed record GroupView(
    CollaborationGroup Group, IReadOnlyList<GroupMember> Current, IReadOnlyList<GroupMember> Former,
    IReadOnlyList<MeetingView> Meetings, GroupYearStatistics Statistics, TurnoverSummary Turnover,
    IReadOnlyDictionary<int, IReadOnlyList<string>> IntroductionDone, IReadOnlyList<ActionItem> OpenActions);

/// <summary>Reads groups, meetings and statistics; quorum and statistics come from the Core rules.</summary>
public sealed class StructureQueries(SamordnaDb db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The group's members on a day, as the quorum rule sees them.</summary>
    public static async Task<List<Seat>> SeatsAsync(SamordnaDb db, int groupId, DateOnly date) =>
        Seats(await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId).ToListAsync(), date);

    private static List<Seat> Seats(IEnumerable<GroupMember> members, DateOnly date) =>
        members.Where(m => Tenure.IsCurrent(m.FromDate, m.ToDate, date))
            .Select(m => new Seat(m.Id, m.Party, m.Role, m.SubstituteForId)).ToList();

    public async Task<List<GroupSummary>> GroupsAsync(int associationId, int year)
    {
        var groups = await db.CollaborationGroups.AsNoTracking().Include(g => g.Members).Where(g => g.AssociationId == associationId)
            .OrderBy(g => g.Kind).ThenBy(g => g.Name).ToListAsync();
        var statistics = await StatisticsAsync(associationId, [year]);
        return groups.Select(g => new GroupSummary(g, g.Members.Count(m => Tenure.IsCurrent(m.FromDate, m.ToDate, Today)),
            statistics.Single(s => s.GroupId == g.Id && s.Year == year))).ToList();
    }

    public async Task<IReadOnlyList<GroupYearStatistics>> StatisticsAsync(int associationId, IReadOnlyList<int> years)
    {
        var groups = await db.CollaborationGroups.AsNoTracking().Include(g => g.Members).Where(g => g.AssociationId == associationId).ToListAsync();
        var meetings = await MeetingViewsAsync(groups, m => years.Contains(m.LocalStart.Year));
        var facts = meetings.Select(v => new MeetingFact(v.Meeting.GroupId, v.Meeting.LocalStart.Year, v.Meeting.Status, v.Meeting.CancelledForLackOfQuorum,
            v.Quorum?.IsQuorate ?? false, v.Quorum?.FilledSeats ?? 0, v.Quorum?.OrdinarySeats ?? 0));
        return MeetingStatistics.Compute(facts, groups.ToDictionary(g => g.Id, g => g.PlannedMeetingsPerYear), years);
    }

    public async Task<GroupView?> GroupAsync(int associationId, int groupId, int year)
    {
        var group = await db.CollaborationGroups.AsNoTracking().Include(g => g.Members).ThenInclude(m => m.IntroductionSteps)
            .SingleOrDefaultAsync(g => g.Id == groupId && g.AssociationId == associationId);
        if (group is null) return null;
        var meetings = await MeetingViewsAsync([group], m => m.LocalStart.Year == year);
        var statistics = (await StatisticsAsync(associationId, [year])).Single(s => s.GroupId == groupId && s.Year == year);
        var today = Today;
        var current = group.Members.Where(m => Tenure.IsCurrent(m.FromDate, m.ToDate, today)).OrderBy(m => m.Role).ThenBy(m => m.Party).ThenBy(m => m.PersonName).ToList();
        var former = group.Members.Where(m => m.ToDate < today).OrderByDescending(m => m.ToDate).ToList();
        var turnover = Tenure.Turnover(group.Members.Select(m => new Tenancy(m.Id, m.PredecessorId, m.FromDate, m.ToDate)), year);
        var open = await db.ActionItems.AsNoTracking().Where(a => a.DoneOn == null && db.Meetings.Any(m => m.Id == a.MeetingId && m.GroupId == groupId))
            .OrderBy(a => a.DueOn).ToListAsync();
        var introduction = group.Members.ToDictionary(m => m.Id, m => (IReadOnlyList<string>)m.IntroductionSteps.Select(s => s.ItemCode).ToList());
        return new GroupView(group, current, former, meetings, statistics, turnover, introduction, open);
    }

    public async Task<MeetingView?> MeetingAsync(int associationId, int meetingId)
    {
        var groupId = await db.Meetings.Where(m => m.Id == meetingId && m.Group!.AssociationId == associationId).Select(m => (int?)m.GroupId).SingleOrDefaultAsync();
        if (groupId is null) return null;
        var group = await db.CollaborationGroups.AsNoTracking().Include(g => g.Members).SingleAsync(g => g.Id == groupId);
        return (await MeetingViewsAsync([group], m => m.Id == meetingId)).Single();
    }

    /// <summary>The groups' meetings that pass the filter, which runs in memory on Swedish time (a year ends at local midnight).</summary>
    private async Task<List<MeetingView>> MeetingViewsAsync(IReadOnlyList<CollaborationGroup> groups, Func<Meeting, bool> filter)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var meetings = (await db.Meetings.AsNoTracking().Include(m => m.Attendances).Include(m => m.Decisions).Include(m => m.ActionItems)
            .Where(m => ids.Contains(m.GroupId)).OrderBy(m => m.StartsAt).ToListAsync()).Where(filter).ToList();
        var byGroup = groups.ToDictionary(g => g.Id);
        return meetings.Select(m =>
        {
            var group = byGroup[m.GroupId];
            m.Group = group; // pages name the group; the meeting was read without it
            var day = DateOnly.FromDateTime(m.LocalStart);
            var present = group.Members.Where(x => Tenure.IsCurrent(x.FromDate, x.ToDate, day)).OrderBy(x => x.Role).ThenBy(x => x.Party).ToList();
            var attendance = m.Attendances.ToDictionary(a => a.MemberId, a => a.Attendance);
            var quorum = m.Status == MeetingStatus.Held ? Quorum.Check(group.QuorumRule, Seats(present, day), attendance) : null;
            var rows = present.Select(x => (x, attendance.GetValueOrDefault(x.Id, Attendance.Absent))).ToList();
            return new MeetingView(m, quorum, rows);
        }).ToList();
    }

    public async Task<string?> CalendarAsync(int associationId, int groupId, string host)
    {
        var group = await db.CollaborationGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId && g.AssociationId == associationId);
        if (group is null) return null;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId).OrderBy(m => m.StartsAt).ToListAsync();
        var events = meetings.Select(m =>
        {
            var start = m.StartsAt;
            var description = m.Status == MeetingStatus.Cancelled ? $"Inställt: {m.CancellationReason}" : m.Agenda is null ? null : "Dagordning:\n" + m.Agenda;
            return new CalendarEvent($"meeting-{m.Id}@{host}", start, start.AddMinutes(m.DurationMinutes), group.Name, m.Location, description, m.Status == MeetingStatus.Cancelled);
        });
        return ICalendar.Write(group.Name, events, clock.GetUtcNow().UtcDateTime);
    }
}
