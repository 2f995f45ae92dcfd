using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Structures;

public sealed record AgreementVersionApiRequest(AgreementVersionRequest Version, int? Revision);

public sealed record PlanReportRequest(Dictionary<int, ActivityStatusRequest>? Statuses, string? Other, string? PlansAhead, int? Revision);

public sealed record MinutesRequest(string? Agenda, string? Minutes, int? Revision);

/// <summary>Agreements, action plans, coordinators, deviations and minutes under /api/v1/associations/{associationId}/…</summary>
public static class StructureRecordsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var a = api.MapGroup("/associations/{associationId:int}");

        a.MapPut("/meetings/{meetingId:int}/minutes", async (int associationId, int meetingId, MinutesRequest request, MeetingCommands meetings) =>
            StructuresApi.Answer(await meetings.SaveMinutesAsync(associationId, meetingId, request.Agenda, request.Minutes, request.Revision), "Mötet", "Protokollet kunde inte sparas",
                m => Results.Ok(new { m.Id, m.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/agreements", async (int associationId, Agreements agreements) =>
            Results.Ok((await agreements.ListAsync(associationId)).Select(v => new
            {
                v.Agreement.Id, v.Agreement.Title, v.Agreement.GroupId, v.Agreement.ReminderDays, v.Agreement.Revision, state = v.State, description = v.Description,
                versions = v.Agreement.Versions.OrderByDescending(x => x.Version).Select(x => new { x.Version, x.Parties, x.TargetAgeFrom, x.TargetAgeTo, x.Purpose, x.Forums, x.ValidFrom, x.ValidTo, x.Signatories }),
            })))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/agreements", async (int associationId, AgreementRequest request, Agreements agreements) =>
            StructuresApi.Answer(await agreements.CreateAsync(associationId, request), "Förbundet", "Överenskommelsen kunde inte sparas",
                x => Results.Created($"/api/v1/associations/{associationId}/agreements", new { x.Id, x.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/agreements/{agreementId:int}/versions", async (int associationId, int agreementId, AgreementVersionApiRequest request, Agreements agreements) =>
            StructuresApi.Answer(await agreements.AddVersionAsync(associationId, agreementId, request.Version ?? new(null, null, null, null, null, null, null, null), request.Revision),
                "Överenskommelsen", "Versionen kunde inte sparas", v => Results.Created($"/api/v1/associations/{associationId}/agreements", new { v.Version })))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/action-plans", async (int associationId, ActionPlans plans) =>
            Results.Ok((await plans.ListAsync(associationId)).Select(p => new { p.Id, p.Title, p.AreaName, p.GroupId, p.Revision })))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/action-plans", async (int associationId, ActionPlanRequest request, ActionPlans plans) =>
            StructuresApi.Answer(await plans.CreateAsync(associationId, request), "Förbundet", "Handlingsplanen kunde inte sparas",
                p => Results.Created($"/api/v1/associations/{associationId}/action-plans/{p.Id}", new { p.Id, p.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/action-plans/{planId:int}", async (int associationId, int planId, string? period, ActionPlans plans, StructureQueries queries) =>
        {
            var p = ReportPeriod.Parse(period) ?? ReportPeriod.Containing(queries.Today);
            return await plans.HalfYearReportAsync(associationId, planId, p) is { } r
                ? Results.Ok(new
                {
                    r.Plan.Id, r.Plan.Title, r.Plan.AreaName, r.Plan.Vision, r.Plan.Goals, r.Plan.Revision, period = r.Period.Code, group = r.GroupName,
                    areas = r.Areas.Select(x => new { x.Activity.Id, x.Activity.Number, x.Activity.Title, x.Activity.Year, status = x.Report?.Status, comment = x.Report?.Comment }),
                    other = r.Note?.Other, plansAhead = r.Note?.PlansAhead,
                })
                : ApiProblems.NotFound("Handlingsplanen");
        }).RequirePermission(Permission.ViewAssociation);

        a.MapPost("/action-plans/{planId:int}/activities", async (int associationId, int planId, ActivityRequest request, ActionPlans plans) =>
            StructuresApi.Answer(await plans.AddActivityAsync(associationId, planId, request.Title, request.Year), "Handlingsplanen", "Området kunde inte läggas till",
                x => Results.Created($"/api/v1/associations/{associationId}/action-plans/{planId}", new { x.Id, x.Number })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPut("/action-plans/{planId:int}/reports/{period}", async (int associationId, int planId, string period, PlanReportRequest request, ActionPlans plans) =>
        {
            if (ReportPeriod.Parse(period) is not { } p) return ApiProblems.Validation([new("period", $"\"{period}\" är ingen halvårsperiod. Skriv t.ex. 2019H1.")]);
            var errors = await plans.ReportAsync(associationId, planId, p, request.Statuses ?? [], request.Other, request.PlansAhead, request.Revision);
            return StructuresApi.Answer(errors is null ? null : errors.Count == 0 ? Core.Common.Result<int>.Ok(0) : Core.Common.Result<int>.Fail(errors),
                "Handlingsplanen", "Rapporten kunde inte sparas", _ => Results.NoContent());
        }).RequirePermission(Permission.ManageStructures);

        a.MapGet("/coordinators", async (int associationId, int? year, CoordinatorPosts posts, StructureQueries queries) =>
            Results.Ok((await posts.ListAsync(associationId, year ?? queries.Today.Year)).Select(p => new
            {
                p.MunicipalityCode, p.Municipality,
                assignments = p.Assignments.Select(x => new { x.Id, x.PersonName, x.FtePercent, from = x.FromDate, to = x.ToDate, x.Revision }),
                vacancies = p.Vacancies.Select(v => new { v.From, v.To }),
                funding = p.Funding,
            })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/coordinators/assignments", async (int associationId, AssignmentRequest request, CoordinatorPosts posts) =>
            StructuresApi.Answer(await posts.AssignAsync(associationId, request), "Förbundet", "Uppdraget kunde inte sparas",
                x => Results.Created($"/api/v1/associations/{associationId}/coordinators", new { x.Id, x.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPut("/coordinators/assignments/{assignmentId:int}", async (int associationId, int assignmentId, AssignmentRequest request, CoordinatorPosts posts) =>
            StructuresApi.Answer(await posts.UpdateAssignmentAsync(associationId, assignmentId, request), "Uppdraget", "Uppdraget kunde inte ändras",
                x => Results.Ok(new { x.Id, x.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPut("/coordinators/funding", async (int associationId, FundingRequest request, CoordinatorPosts posts) =>
            StructuresApi.Answer(await posts.SetFundingAsync(associationId, request), "Förbundet", "Finansieringen kunde inte sparas",
                x => Results.Ok(new { x.MunicipalityCode, x.Year, x.Cap, x.ActualCost, x.Revision })))
            .RequirePermission(Permission.ManageStructures);

        // Any role may report a deviation (as on the page); handling them is for administrators and coordinators.
        a.MapPost("/deviations", async (int associationId, DeviationRequest request, DeviationReports reports) =>
            StructuresApi.Answer(await reports.ReportAsync(associationId, request), "Förbundet", "Avvikelsen kunde inte sparas",
                d => Results.Created($"/api/v1/associations/{associationId}/deviations", new { d.Id, d.Revision })))
            .RequirePermission(Permission.ViewAssociation);

        a.MapGet("/deviations", async (int associationId, int? year, DeviationReports reports) =>
        {
            var list = await reports.ListAsync(associationId);
            var (perCategory, perActor) = DeviationReports.Statistics(list, year);
            return Results.Ok(new
            {
                deviations = list.Where(d => year is null || d.ReportedOn.Year == year).Select(d => new
                {
                    d.Id, d.ReportedOn, d.Category, d.Description, actors = d.Actors.Select(x => x.Actor), d.Recipient, d.Status, d.ActionTaken, d.ClosedOn, d.Revision,
                }),
                perCategory, perActor,
            });
        }).RequirePermission(Permission.ManageStructures);

        a.MapPut("/deviations/{deviationId:int}", async (int associationId, int deviationId, DeviationUpdate request, DeviationReports reports) =>
            StructuresApi.Answer(await reports.UpdateAsync(associationId, deviationId, request), "Avvikelsen", "Avvikelsen kunde inte ändras",
                d => Results.Ok(new { d.Id, d.Status, d.ClosedOn, d.Revision })))
            .RequirePermission(Permission.ManageStructures);
    }
}

public sealed record ActivityRequest(string? Title, int? Year);
