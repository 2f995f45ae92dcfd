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
            Answer(await groups.CreateAsync(associationId, request), "Förbundet", "Gruppen kunde inte skapas",
                g => Results.Created($"/api/v1/associations/{associationId}/groups/{g.Id}", new { id = g.Id })))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/groups/{groupId:int}", async (int associationId, int groupId, int? year, StructureQueries queries) =>
            await queries.GroupAsync(associationId, groupId, year ?? queries.Today.Year) is { } view
                ? Results.Ok(new
                {
                    view.Group.Id, view.Group.Name, kind = view.Group.Kind, view.Group.AreaName, view.Group.MunicipalityCodes, view.Group.ConveningRule,
                    view.Group.ConveningParty, view.Group.PlannedMeetingsPerYear, view.Group.Mandate, view.Group.QuorumRule,
                    standingAgendaItems = GroupCommands.Lines(view.Group.StandingAgendaItems), view.Group.InterventionId, view.Group.Revision,
                    statistics = Statistics(view.Statistics), turnover = new { view.Turnover.Year, view.Turnover.HoldersAtStart, view.Turnover.Left, view.Turnover.Joined },
                })
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPut("/groups/{groupId:int}", async (int associationId, int groupId, GroupRequest request, GroupCommands groups) =>
            Answer(await groups.UpdateAsync(associationId, groupId, request), "Gruppen", "Gruppen kunde inte ändras", _ => Results.NoContent()))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/groups/{groupId:int}/members", async (int associationId, int groupId, StructureQueries queries) =>
            await queries.GroupAsync(associationId, groupId, queries.Today.Year) is { } view
                ? Results.Ok(view.Current.Concat(view.Former).Concat(view.Group.Members.Where(m => m.FromDate > queries.Today)).Select(Member))
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/groups/{groupId:int}/members", async (int associationId, int groupId, MemberRequest request, GroupCommands groups) =>
            Answer(await groups.AddMemberAsync(associationId, groupId, request), "Gruppen", "Ledamoten kunde inte läggas till",
                m => Results.Created($"/api/v1/associations/{associationId}/groups/{groupId}/members", new { id = m.Id })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/groups/{groupId:int}/members/{memberId:int}/end", async (int associationId, int groupId, int memberId, EndMemberRequest request, GroupCommands groups) =>
            Answer(await groups.EndMemberAsync(associationId, groupId, memberId, request), "Gruppen eller ledamoten", "Uppdraget kunde inte avslutas",
                successor => Results.Ok(new { successorId = successor?.Id })))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/groups/{groupId:int}/meetings", async (int associationId, int groupId, int? year, StructureQueries queries) =>
            await queries.GroupAsync(associationId, groupId, year ?? queries.Today.Year) is { } view
                ? Results.Ok(view.Meetings.Select(Meeting))
                : ApiProblems.NotFound("Gruppen"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/groups/{groupId:int}/meetings", async (int associationId, int groupId, MeetingRequest request, MeetingCommands meetings) =>
            Answer(await meetings.PlanAsync(associationId, groupId, request), "Gruppen", "Mötet kunde inte planeras",
                m => Results.Created($"/api/v1/associations/{associationId}/meetings/{m.Id}", new { id = m.Id })))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/meetings/{meetingId:int}", async (int associationId, int meetingId, StructureQueries queries) =>
            await queries.MeetingAsync(associationId, meetingId) is { } view ? Results.Ok(Meeting(view)) : ApiProblems.NotFound("Mötet"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPut("/meetings/{meetingId:int}/attendance", async (int associationId, int meetingId, AttendanceRequest request, MeetingCommands meetings, StructureQueries queries) =>
        {
            var result = await meetings.RecordAttendanceAsync(associationId, meetingId, request);
            var held = result is { IsValid: true } ? await queries.MeetingAsync(associationId, meetingId) : null;
            return Answer(result, "Mötet", "Närvaron kunde inte sparas", _ => Results.Ok(Meeting(held!)));
        })
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/meetings/{meetingId:int}/cancel", async (int associationId, int meetingId, CancelRequest request, MeetingCommands meetings) =>
            Answer(await meetings.CancelAsync(associationId, meetingId, request), "Mötet", "Mötet kunde inte ställas in", _ => Results.NoContent()))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/directory", async (int associationId, string? q, ContactDirectory directory) =>
            Results.Ok(await directory.SearchAsync(associationId, q, publicView: false)))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/directory", async (int associationId, DirectoryEntryRequest request, ContactDirectory directory) =>
            Answer(await directory.AddAsync(associationId, request), "Förbundet", "Posten kunde inte läggas till",
                e => Results.Created($"/api/v1/associations/{associationId}/directory?q={Uri.EscapeDataString(e.RoleTitle)}", new { id = e.Id })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/directory/{entryId:int}/holders", async (int associationId, int entryId, HolderRequest request, ContactDirectory directory) =>
            Answer(await directory.ChangeHolderAsync(associationId, entryId, request), "Posten i kontaktkatalogen", "Rollen kunde inte byta innehavare",
                h => Results.Created($"/api/v1/associations/{associationId}/directory", new { id = h.Id })))
            .RequirePermission(Permission.ManageStructures);
    }

    /// <summary>
    /// 404 when the command found nothing to act on, 409 when someone else saved the record since the caller read it,
    /// 400 with the field errors when it refused, else the answer.
    /// </summary>
    internal static IResult Answer<T>(Result<T>? result, string notFound, string refused, Func<T, IResult> ok) =>
        result is null ? ApiProblems.NotFound(notFound)
        : result.IsValid ? ok(result.Value!)
        : Revisions.IsConflict(result.Errors) ? Results.Problem(title: "Konflikt", detail: result.Errors.First(e => e.Field == Revisions.Field).Message, statusCode: StatusCodes.Status409Conflict)
        : ApiProblems.Validation(result.Errors, refused);

    private static object Statistics(GroupYearStatistics s) => new
    {
        s.Year, s.Planned, s.Scheduled, s.Held, s.Cancelled, s.QuorumFailures, s.AttendanceRate, s.HeldShareOfPlanned,
    };

    private static object Member(GroupMember m) => new
    {
        m.Id, m.PersonName, m.Party, m.Unit, m.Email, m.Role, m.HasDecisionMandate, from = m.FromDate, to = m.ToDate, m.SubstituteForId, m.PredecessorId, m.Revision,
    };

    private static object Meeting(MeetingView v) => new
    {
        v.Meeting.Id, v.Meeting.GroupId, startsAt = DateTime.SpecifyKind(v.Meeting.StartsAt, DateTimeKind.Utc), v.Meeting.DurationMinutes, v.Meeting.Location, v.Meeting.Status,
        v.Meeting.CancellationReason, v.Meeting.CancelledForLackOfQuorum, agenda = GroupCommands.Lines(v.Meeting.Agenda), v.Meeting.Minutes, v.Meeting.Revision,
        quorum = v.Quorum is null ? null : new { v.Quorum.IsQuorate, v.Quorum.OrdinarySeats, v.Quorum.FilledSeats, v.Quorum.MissingParties, v.Quorum.Explanation },
        attendance = v.Attendance.Select(x => new { memberId = x.Member.Id, x.Member.PersonName, x.Member.Party, x.Member.Role, attendance = x.Attendance }),
        decisions = v.Meeting.Decisions.OrderBy(d => d.Number).Select(d => new { d.Number, d.Text }),
        actionItems = v.Meeting.ActionItems.Select(x => new { x.Id, x.Text, x.Owner, x.DueOn, x.DoneOn }),
    };
}
