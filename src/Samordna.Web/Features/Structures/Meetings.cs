using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record MeetingRequest(DateTime? StartsAt, int? DurationMinutes, string? Location, string? Agenda);

/// <summary>Attendance per member id; members left out are absent. Saving it marks the meeting held.</summary>
public sealed record AttendanceRequest(Dictionary<int, string>? Attendance, int? Revision = null);

public sealed record CancelRequest(string? Reason, bool LackOfQuorum, int? Revision = null);

public sealed record ActionItemRequest(string? Text, string? Owner, DateOnly? DueOn);

/// <summary>Plans, holds and cancels meetings and records what they decided.</summary>
public sealed class MeetingCommands(SamordnaDb db)
{
    public Task<Meeting?> FindAsync(int associationId, int meetingId) =>
        db.Meetings.Include(m => m.Group).SingleOrDefaultAsync(m => m.Id == meetingId && m.Group!.AssociationId == associationId);

    public async Task<Result<Meeting>?> PlanAsync(int associationId, int groupId, MeetingRequest r)
    {
        var group = await db.CollaborationGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.AssociationId == associationId);
        if (group is null) return null;
        var input = new Input();
        var startsAt = input.RequiredValue("startsAt", "datum och tid för mötet", r.StartsAt);
        var duration = r.DurationMinutes ?? 120;
        if (duration is < 15 or > 1440) input.Errors.Add(new("durationMinutes", "Mötets längd ska vara mellan 15 och 1 440 minuter."));
        var location = input.Optional("location", "plats", r.Location, 200);
        var extra = input.Optional("agenda", "dagordning", r.Agenda, 4000);
        if (!input.IsValid) return Result<Meeting>.Fail(input.Errors);

        // The agenda starts with the group's standing items; extra items follow unless they repeat one.
        var standing = GroupCommands.Lines(group.StandingAgendaItems).ToList();
        var agenda = standing.Concat(GroupCommands.Lines(extra).Where(l => !standing.Contains(l))).ToList();
        var meeting = new Meeting
        {
            GroupId = groupId, StartsAt = SwedishTime.InputToUtc(startsAt), DurationMinutes = duration,
            Location = location, Status = MeetingStatus.Planned, Agenda = agenda.Count == 0 ? null : string.Join("\n", agenda),
        };
        if (meeting.Agenda?.Length > 4000) return Result<Meeting>.Fail("agenda", "Dagordningen blir längre än 4 000 tecken med de stående punkterna.");
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return Result<Meeting>.Ok(meeting);
    }

    public async Task<Result<Meeting>?> RecordAttendanceAsync(int associationId, int meetingId, AttendanceRequest r)
    {
        if (await FindAsync(associationId, meetingId) is not { } meeting) return null;
        if (Revisions.IsStale(r.Revision, meeting.Revision)) return Result<Meeting>.Fail([Revisions.Conflict("mötet")]);
        var seats = await StructureQueries.SeatsAsync(db, meeting.GroupId, DateOnly.FromDateTime(meeting.LocalStart));
        var errors = new List<FieldError>();
        var parsed = new Dictionary<int, Attendance>();
        foreach (var (memberId, text) in r.Attendance ?? [])
        {
            if (seats.All(s => s.MemberId != memberId))
                errors.Add(new($"attendance.{memberId}", $"Person {memberId} satt inte i gruppen den dag mötet hölls."));
            else if (StructureNames.Parse<Attendance>(text, StructureNames.Swedish) is { } a) parsed[memberId] = a;
            else errors.Add(new($"attendance.{memberId}", $"Okänd närvaro \"{text}\". Välj Present, Absent eller SubstitutePresent."));
        }
        if (meeting.Status == MeetingStatus.Cancelled) errors.Add(new("status", "Mötet är inställt; närvaro kan inte registreras."));
        if (errors.Count > 0) return Result<Meeting>.Fail(errors);

        db.MeetingAttendances.RemoveRange(db.MeetingAttendances.Where(a => a.MeetingId == meetingId));
        foreach (var seat in seats)
            db.MeetingAttendances.Add(new MeetingAttendance { MeetingId = meetingId, MemberId = seat.MemberId, Attendance = parsed.GetValueOrDefault(seat.MemberId, Attendance.Absent) });
        meeting.Status = MeetingStatus.Held;
        return await SaveAsync(meeting);
    }

    public async Task<Result<Meeting>?> CancelAsync(int associationId, int meetingId, CancelRequest r)
    {
        if (await FindAsync(associationId, meetingId) is not { } meeting) return null;
        if (Revisions.IsStale(r.Revision, meeting.Revision)) return Result<Meeting>.Fail([Revisions.Conflict("mötet")]);
        var input = new Input();
        var reason = input.Required("reason", "skälet till att mötet ställs in", r.Reason, 500);
        if (meeting.Status == MeetingStatus.Held) input.Errors.Add(new("reason", "Mötet är redan genomfört och kan inte ställas in."));
        if (!input.IsValid) return Result<Meeting>.Fail(input.Errors);
        (meeting.Status, meeting.CancellationReason, meeting.CancelledForLackOfQuorum) = (MeetingStatus.Cancelled, reason, r.LackOfQuorum);
        return await SaveAsync(meeting);
    }

    public async Task<Result<Meeting>?> SaveMinutesAsync(int associationId, int meetingId, string? agenda, string? minutes, int? revision = null)
    {
        if (await FindAsync(associationId, meetingId) is not { } meeting) return null;
        if (Revisions.IsStale(revision, meeting.Revision)) return Result<Meeting>.Fail([Revisions.Conflict("mötet")]);
        var input = new Input();
        var a = input.Optional("agenda", "dagordning", agenda, 4000);
        var m = input.Optional("minutes", "protokoll", minutes, 20000);
        if (!input.IsValid) return Result<Meeting>.Fail(input.Errors);
        (meeting.Agenda, meeting.Minutes) = (a, m);
        return await SaveAsync(meeting);
    }

    /// <summary>Attendance, cancellation and minutes change the meeting itself: each raises its revision.</summary>
    private async Task<Result<Meeting>> SaveAsync(Meeting meeting)
    {
        meeting.Revision++;
        var errors = await Revisions.SaveAsync(db, "mötet");
        return errors.Count == 0 ? Result<Meeting>.Ok(meeting) : Result<Meeting>.Fail(errors);
    }

    public async Task<Result<MeetingDecision>?> AddDecisionAsync(int associationId, int meetingId, string? text)
    {
        if (await FindAsync(associationId, meetingId) is null) return null;
        var input = new Input();
        var t = input.Required("decision", "beslutet", text, 2000);
        if (!input.IsValid) return Result<MeetingDecision>.Fail(input.Errors);
        var number = await db.MeetingDecisions.Where(d => d.MeetingId == meetingId).Select(d => (int?)d.Number).MaxAsync() ?? 0;
        var decision = new MeetingDecision { MeetingId = meetingId, Number = number + 1, Text = t };
        db.MeetingDecisions.Add(decision);
        await db.SaveChangesAsync();
        return Result<MeetingDecision>.Ok(decision);
    }

    public async Task<Result<ActionItem>?> AddActionAsync(int associationId, int meetingId, ActionItemRequest r)
    {
        if (await FindAsync(associationId, meetingId) is null) return null;
        var input = new Input();
        var item = new ActionItem { MeetingId = meetingId, DueOn = r.DueOn };
        item.Text = input.Required("actionText", "åtgärden", r.Text, 1000);
        item.Owner = input.Required("owner", "ansvarig", r.Owner, 200);
        if (!input.IsValid) return Result<ActionItem>.Fail(input.Errors);
        db.ActionItems.Add(item);
        await db.SaveChangesAsync();
        return Result<ActionItem>.Ok(item);
    }

    public async Task<bool> SetActionDoneAsync(int associationId, int actionId, DateOnly? doneOn)
    {
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == actionId && db.Meetings.Any(m => m.Id == a.MeetingId && m.Group!.AssociationId == associationId));
        if (item is null) return false;
        item.DoneOn = doneOn;
        await db.SaveChangesAsync();
        return true;
    }
}
