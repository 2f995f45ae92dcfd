using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// /api/v1 for participant follow-up. Everything that touches a person needs RegisterParticipants and an assignment to
/// the intervention (checked here, 403 otherwise); reports and the national export are aggregates for every association
/// role, with small cells hidden; registrars are assigned by the association administrator.
/// </summary>
public static class ParticipantsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var episodes = "/interventions/{interventionId:int}/episodes";

        api.MapPost(episodes, (int interventionId, EnrolRequest request, HttpContext http, RegistrarAccess access, EnrolParticipant enrol) =>
            AsRegistrarAsync(http, access, interventionId, async () =>
            {
                var result = await enrol.HandleAsync(interventionId, request);
                if (result is null) return ApiProblems.NotFound("Insatsen");
                return result.IsValid
                    ? Results.Created($"/api/v1/interventions/{interventionId}/episodes/{result.Value!.Id}", EpisodeDto.Of(result.Value))
                    : ApiProblems.Validation(result.Errors, "Deltagaren kunde inte skrivas in");
            })).RequirePermission(Permission.RegisterParticipants);

        api.MapGet(episodes, (int interventionId, HttpContext http, RegistrarAccess access, EpisodeQueries queries) =>
            AsRegistrarAsync(http, access, interventionId, async () =>
                Results.Ok((await queries.ListAsync(interventionId, withNames: false, "API: lista")).Select(r => new { episode = r.Episode, followUps = r.FollowUps }))))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapGet(episodes + "/{episodeId:int}", (int interventionId, int episodeId, HttpContext http, RegistrarAccess access, EpisodeQueries queries) =>
            AsRegistrarAsync(http, access, interventionId, async () =>
                await queries.DetailAsync(interventionId, episodeId, "API: episod") is { } detail ? Results.Ok(detail) : ApiProblems.NotFound("Episoden")))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapPost(episodes + "/{episodeId:int}/exit", (int interventionId, int episodeId, ExitRequest request, HttpContext http, RegistrarAccess access, EpisodeCommands commands) =>
            AsRegistrarAsync(http, access, interventionId, async () =>
                Answer(await commands.ExitAsync(interventionId, episodeId, request), "Deltagaren kunde inte skrivas ut", EpisodeDto.Of)))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapPost(episodes + "/{episodeId:int}/consent:withdraw", (int interventionId, int episodeId, WithdrawRequest request, HttpContext http, RegistrarAccess access, EpisodeCommands commands) =>
            AsRegistrarAsync(http, access, interventionId, async () =>
                Answer(await commands.WithdrawConsentAsync(interventionId, episodeId, request), "Samtycket kunde inte återkallas", EpisodeDto.Of)))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapPost(episodes + "/{episodeId:int}/measurements", (int interventionId, int episodeId, MeasurementRequest request, HttpContext http, RegistrarAccess access, EpisodeCommands commands) =>
            AsRegistrarAsync(http, access, interventionId, async () =>
                Answer(await commands.MeasureAsync(interventionId, episodeId, request), "Mätningen kunde inte sparas", m => MeasurementDto.Of(m, true), created: true)))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapPost(episodes + "/{episodeId:int}/measurements/{measurementId:int}/corrections",
            (int interventionId, int episodeId, int measurementId, MeasurementRequest request, HttpContext http, RegistrarAccess access, EpisodeCommands commands) =>
            AsRegistrarAsync(http, access, interventionId, async () =>
                Answer(await commands.CorrectAsync(interventionId, episodeId, measurementId, request), "Rättelsen kunde inte sparas", m => MeasurementDto.Of(m, true), created: true)))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapGet("/interventions/{interventionId:int}/follow-ups", (int interventionId, HttpContext http, RegistrarAccess access, EpisodeQueries queries) =>
            AsRegistrarAsync(http, access, interventionId, async () => Results.Ok(await queries.DueAsync(interventionId))))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapPost(episodes + ":import", (int interventionId, IFormFile? file, HttpContext http, RegistrarAccess access, ImportEpisodes import) =>
            AsRegistrarAsync(http, access, interventionId, () => ApiUploads.ReceiveAsync(file, "Insatsen", (name, bytes) => import.HandleAsync(interventionId, name, bytes))))
            .RequirePermission(Permission.RegisterParticipants).DisableAntiforgery();

        var participant = "/associations/{associationId:int}/participants/{participantId:int}";

        api.MapGet(participant + "/extract", (int associationId, int participantId, HttpContext http, RegistrarAccess access, PersonalDataDuties duties) =>
            AsPersonsRegistrarAsync(http, access, associationId, participantId, async () =>
                await duties.ExtractAsync(associationId, participantId) is { } extract ? Results.Ok(extract) : ApiProblems.NotFound("Deltagaren")))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapPut(participant + "/restriction", (int associationId, int participantId, RestrictionRequest request, HttpContext http, RegistrarAccess access, PersonalDataDuties duties) =>
            AsPersonsRegistrarAsync(http, access, associationId, participantId, async () =>
                Answer(await duties.SetRestrictedAsync(associationId, participantId, request.Restricted, request.Revision), "Begränsningen kunde inte ändras",
                    p => new { participantId = p.Id, p.Restricted, p.Revision })))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapDelete(participant, (int associationId, int participantId, HttpContext http, RegistrarAccess access, PersonalDataDuties duties) =>
            AsPersonsRegistrarAsync(http, access, associationId, participantId, async () =>
                await duties.EraseAsync(associationId, participantId) ? Results.NoContent() : ApiProblems.NotFound("Deltagaren")))
            .RequirePermission(Permission.RegisterParticipants);

        api.MapGet("/interventions/{interventionId:int}/registrars", async (int interventionId, Registrars registrars) =>
            Results.Ok(await registrars.ListAsync(interventionId)))
            .RequirePermission(Permission.ManageRoles);

        api.MapPost("/interventions/{interventionId:int}/registrars", async (int interventionId, RegistrarRequest request, Registrars registrars) =>
            Answer(await registrars.AssignAsync(interventionId, request.Email), "Den deltagaransvariga kunde inte tilldelas", r => r, created: true))
            .RequirePermission(Permission.ManageRoles);

        api.MapDelete("/interventions/{interventionId:int}/registrars/{registrarId:int}", async (int interventionId, int registrarId, Registrars registrars) =>
            await registrars.RemoveAsync(interventionId, registrarId) ? Results.NoContent() : ApiProblems.NotFound("Tilldelningen"))
            .RequirePermission(Permission.ManageRoles);

        // The body stays a bare array of months; the year's revision goes in the ETag and comes back as ?revision=.
        api.MapGet("/interventions/{interventionId:int}/monthly-counts/{year:int}", async (int interventionId, int year, MonthlyCounts counts, HttpResponse response) =>
        {
            response.Headers.ETag = $"\"{await counts.RevisionAsync(interventionId, year)}\"";
            return Results.Ok((await counts.ForYearAsync(interventionId, year)).Select(m => new MonthlyCountRequest(m.Month, m.Women, m.Men, m.Other)));
        }).RequirePermission(Permission.ViewAssociation);

        api.MapPut("/interventions/{interventionId:int}/monthly-counts/{year:int}", async (int interventionId, int year, List<MonthlyCountRequest> months, int? revision, MonthlyCounts counts) =>
            Answer(await counts.SetYearAsync(interventionId, year, months, revision), "Antalen kunde inte sparas",
                rows => rows.Select(m => new MonthlyCountRequest(m.Month, m.Women, m.Men, m.Other)).ToList()))
            .RequirePermission(Permission.ManageInterventions);

        api.MapGet("/associations/{associationId:int}/participant-report", async (int associationId, int? year, string? by, decimal? reference, ParticipantReportQueries reports) =>
        {
            var errors = ReportErrors(by, reference);
            if (errors.Count > 0) return ApiProblems.Validation(errors, "Rapporten kunde inte tas fram");
            return Results.Ok(await reports.ReportAsync(associationId, year, ParticipantReportQueries.ParseBreakdown(by)!.Value, reference));
        }).RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/national-export/{year:int}", async (int associationId, int year, string? format, NationalExport export) =>
        {
            if (await export.RowsAsync(associationId, year) is not { } found) return ApiProblems.NotFound("Förbundet");
            var cells = NationalExport.Cells(found.Association, year, found.Rows);
            return (format ?? "csv").ToLowerInvariant() switch
            {
                "xlsx" => Results.File(XlsxExport.Write($"Nationell uppföljning {year}", NationalExport.Header, cells),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"nationell-uppfoljning-{year}.xlsx"),
                "csv" => Results.File(CsvExport.Write($"Nationell uppföljning {year}", NationalExport.Header, cells), CsvExport.ContentType, $"nationell-uppfoljning-{year}.csv"),
                _ => ApiProblems.Validation([new FieldError("format", "Formatet ska vara csv eller xlsx.")], "Exporten kunde inte tas fram"),
            };
        }).RequirePermission(Permission.ViewAssociation);
    }

    public static List<FieldError> ReportErrors(string? by, decimal? reference)
    {
        var errors = new List<FieldError>();
        if (ParticipantReportQueries.ParseBreakdown(by) is null)
            errors.Add(new("by", "Dela upp på intervention, gender, ageBand, municipality eller year (insats, kön, åldersgrupp, kommun, budgetår)."));
        if (reference is < 0 or > 100) errors.Add(new("reference", "Jämförelseandelen anges i procent, 0–100."));
        return errors;
    }

    private static IResult NotAssigned() =>
        Results.Problem(title: "Behörighet saknas", detail: RegistrarAccess.Refusal, statusCode: StatusCodes.Status403Forbidden);

    private static async Task<IResult> AsRegistrarAsync(HttpContext http, RegistrarAccess access, int interventionId, Func<Task<IResult>> action) =>
        await access.MayRegisterAsync(http.User, interventionId) ? await action() : NotAssigned();

    private static async Task<IResult> AsPersonsRegistrarAsync(HttpContext http, RegistrarAccess access, int associationId, int participantId, Func<Task<IResult>> action) =>
        await access.MaySeeParticipantAsync(http.User, associationId, participantId) ? await action() : NotAssigned();

    /// <summary>201/200 with the body, 404, 400 with the field errors, or 409 when someone else changed the record first.</summary>
    public static IResult Answer<T>(Result<T>? result, string title, Func<T, object> body, bool created = false)
    {
        if (result is null) return ApiProblems.NotFound("Posten");
        if (result.Errors.FirstOrDefault(e => e.Field == EpisodeCommands.RevisionField) is { } stale && result.Errors.Count == 1)
            return Results.Problem(title: "Konflikt", detail: stale.Message, statusCode: StatusCodes.Status409Conflict);
        if (!result.IsValid) return ApiProblems.Validation(result.Errors, title);
        return created ? Results.Json(body(result.Value!), statusCode: StatusCodes.Status201Created) : Results.Ok(body(result.Value!));
    }
}
