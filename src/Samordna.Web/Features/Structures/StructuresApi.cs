using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Structures;

/// <summary>Groups, members, meetings and the directory under /api/v1/associations/{associationId}/…</summary>
public static class StructuresApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var a = api.MapGroup("/associations/{associationId:int}");

        a.MapGet("/groups", async (int associationId, int? year, StructureQueries queries) =>
            Results.Ok((await queries.GroupsAsync(associationId, year ?? queries.Today.Year)).Select(s => new
            {
                s.Group.Id, s.Group.Name, kind = s.Group.Kind, s.Group.AreaName, s.Group.PlannedMeetingsPerYear, currentMembers = s.CurrentMembers, statistics = Statistics(s.Statistics),
            })))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/groups", async (int associationId, GroupRequest request, GroupCommands groups) =>
            Created(await groups.CreateAsync(associationId, request), g => g.Id, g => $"/api/v1/associations/{associationId}/groups/{g.Id}", "Gruppen kunde inte skapas"))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/groups/{groupId:int}", async (int associationId, int groupId, int? year, StructureQueries queries) =>
            await queries.GroupAsync(associationId, groupId, year ?? queries.Today.Year) is { } view
                ? Results.Ok(new
                {
                    view.Group.Id, view.Group.Name, kind = view.Group.Kind, view.Group.AreaName, view.Group.MunicipalityCodes, view.Group.ConveningRule,
                    view.Group.ConveningParty, view.Group.PlannedMeetingsPerYear, view.Group.Mandate, view.Group.QuorumRule,
                    standingAgendaItems = GroupCommands.Lines(view.Group.StandingAgendaItems), view.Group.InterventionId,
                    statistics = Statistics(view.Statistics), turnover = new { view.Turnover.Year, view.Turnover.HoldersAtStart, view.Turnover.Left, view.Turnover.Joined },
                })
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPut("/groups/{groupId:int}", async (int associationId, int groupId, GroupRequest request, GroupCommands groups) =>
            await groups.UpdateAsync(associationId, groupId, request) is { } result
                ? result.IsValid ? Results.NoContent() : ApiProblems.Validation(result.Errors, "Gruppen kunde inte ändras")
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/groups/{groupId:int}/members", async (int associationId, int groupId, StructureQueries queries) =>
            await queries.GroupAsync(associationId, groupId, queries.Today.Year) is { } view
                ? Results.Ok(view.Current.Concat(view.Former).Concat(view.Group.Members.Where(m => m.FromDate > queries.Today)).Select(Member))
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/groups/{groupId:int}/members", async (int associationId, int groupId, MemberRequest request, GroupCommands groups) =>
            await groups.AddMemberAsync(associationId, groupId, request) is { } result
                ? Created(result, m => m.Id, m => $"/api/v1/associations/{associationId}/groups/{groupId}/members", "Ledamoten kunde inte läggas till")
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/groups/{groupId:int}/members/{memberId:int}/end", async (int associationId, int groupId, int memberId, EndMemberRequest request, GroupCommands groups) =>
            await groups.EndMemberAsync(associationId, groupId, memberId, request) is { } result
                ? result.IsValid ? Results.Ok(new { successorId = result.Value?.Id }) : ApiProblems.Validation(result.Errors, "Uppdraget kunde inte avslutas")
                : ApiProblems.NotFound("Gruppen eller ledamoten"))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/groups/{groupId:int}/meetings", async (int associationId, int groupId, int? year, StructureQueries queries) =>
            await queries.GroupAsync(associationId, groupId, year ?? queries.Today.Year) is { } view
                ? Results.Ok(view.Meetings.Select(Meeting))
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/groups/{groupId:int}/meetings", async (int associationId, int groupId, MeetingRequest request, MeetingCommands meetings) =>
            await meetings.PlanAsync(associationId, groupId, request) is { } result
                ? Created(result, m => m.Id, m => $"/api/v1/associations/{associationId}/meetings/{m.Id}", "Mötet kunde inte planeras")
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/meetings/{meetingId:int}", async (int associationId, int meetingId, StructureQueries queries) =>
            await queries.MeetingAsync(associationId, meetingId) is { } view ? Results.Ok(Meeting(view)) : ApiProblems.NotFound("Mötet"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPut("/meetings/{meetingId:int}/attendance", async (int associationId, int meetingId, AttendanceRequest request, MeetingCommands meetings, StructureQueries queries) =>
            await meetings.RecordAttendanceAsync(associationId, meetingId, request) is { } result
                ? result.IsValid ? Results.Ok(Meeting((await queries.MeetingAsync(associationId, meetingId))!)) : ApiProblems.Validation(result.Errors, "Närvaron kunde inte sparas")
                : ApiProblems.NotFound("Mötet"))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/meetings/{meetingId:int}/cancel", async (int associationId, int meetingId, CancelRequest request, MeetingCommands meetings) =>
            await meetings.CancelAsync(associationId, meetingId, request) is { } result
                ? result.IsValid ? Results.NoContent() : ApiProblems.Validation(result.Errors, "Mötet kunde inte ställas in")
                : ApiProblems.NotFound("Mötet"))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/directory", async (int associationId, string? q, ContactDirectory directory) =>
            Results.Ok(await directory.SearchAsync(associationId, q, publicView: false)))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/directory", async (int associationId, DirectoryEntryRequest request, ContactDirectory directory) =>
            Created(await directory.AddAsync(associationId, request), e => e.Id, e => $"/api/v1/associations/{associationId}/directory?q={Uri.EscapeDataString(e.RoleTitle)}", "Posten kunde inte läggas till"))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/directory/{entryId:int}/holders", async (int associationId, int entryId, HolderRequest request, ContactDirectory directory) =>
            await directory.ChangeHolderAsync(associationId, entryId, request) is { } result
                ? Created(result, h => h.Id, h => $"/api/v1/associations/{associationId}/directory", "Rollen kunde inte byta innehavare")
                : ApiProblems.NotFound("Posten i kontaktkatalogen"))
            .RequirePermission(Permission.ManageStructures);
    }

    private static IResult Created<T>(Result<T> result, Func<T, int> id, Func<T, string> location, string title) where T : class =>
        result.IsValid ? Results.Created(location(result.Value!), new { id = id(result.Value!) }) : ApiProblems.Validation(result.Errors, title);

    private static object Statistics(GroupYearStatistics s) => new
    {
        s.Year, s.Planned, s.Scheduled, s.Held, s.Cancelled, s.QuorumFailures, s.AttendanceRate, s.HeldShareOfPlanned,
    };

    private static object Member(GroupMember m) => new
    {
        m.Id, m.PersonName, m.Party, m.Unit, m.Email, m.Role, m.HasDecisionMandate, from = m.FromDate, to = m.ToDate, m.SubstituteForId, m.PredecessorId,
    };

    private static object Meeting(MeetingView v) => new
    {
        v.Meeting.Id, v.Meeting.GroupId, startsAt = DateTime.SpecifyKind(v.Meeting.StartsAt, DateTimeKind.Utc), v.Meeting.DurationMinutes, v.Meeting.Location, v.Meeting.Status,
        v.Meeting.CancellationReason, v.Meeting.CancelledForLackOfQuorum, agenda = GroupCommands.Lines(v.Meeting.Agenda), v.Meeting.Minutes,
        quorum = v.Quorum is null ? null : new { v.Quorum.IsQuorate, v.Quorum.OrdinarySeats, v.Quorum.FilledSeats, v.Quorum.MissingParties, v.Quorum.Explanation },
        attendance = v.Attendance.Select(x => new { memberId = x.Member.Id, x.Member.PersonName, x.Member.Party, x.Member.Role, attendance = x.Attendance }),
        decisions = v.Meeting.Decisions.OrderBy(d => d.Number).Select(d => new { d.Number, d.Text }),
        actionItems = v.Meeting.ActionItems.Select(x => new { x.Id, x.Text, x.Owner, x.DueOn, x.DoneOn }),
    };
}
