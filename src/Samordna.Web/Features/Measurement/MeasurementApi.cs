using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Measurement;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Measurement;

/// <param name="Revision">The round's revision from GET …/periods; a stale one gets 409, none skips the check.</param>
public sealed record PeriodRequest(DateOnly? OpensOn, DateOnly? ClosesOn, int? Revision = null);

public static class MeasurementApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/instruments", [Authorize] async (InstrumentBank bank) =>
            Results.Ok((await bank.ListAsync()).Select(i => new { i.Code, i.Version, i.Title, i.Provenance, items = i.Items.Count })));

        api.MapGet("/instruments/{code}", [Authorize] async (string code, InstrumentBank bank) =>
            await bank.DefinitionFileAsync(code) is { } json
                ? Results.Text(json, "application/json; charset=utf-8")
                : ApiProblems.NotFound($"Instrumentet {code}"));

        // The body is the definition file itself, kept byte for byte as the bank's record of what is asked.
        api.MapPost("/instruments", async (HttpRequest request, InstrumentBank bank) =>
        {
            using var reader = new StreamReader(request.Body);
            var result = await bank.ImportAsync(await reader.ReadToEndAsync());
            return result.IsValid
                ? Results.Created($"/api/v1/instruments/{result.Value!.Code}", new { result.Value.Code, result.Value.Version })
                : ApiProblems.Validation(result.Errors, "Instrumentet kunde inte läggas in");
        }).RequirePermission(Permission.AdministerInstallation);

        api.MapGet("/associations/{associationId:int}/survey-rounds", async (int associationId, SamordnaDb db) =>
            Results.Ok(await db.SurveyRounds.AsNoTracking().Where(r => r.AssociationId == associationId).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.Name, instrument = r.Instrument!.Code, version = r.Instrument.Version, r.BaselineRoundId, records = db.SurveyRecords.Count(x => x.RoundId == r.Id), r.Revision })
                .ToListAsync()))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPost("/associations/{associationId:int}/survey-rounds", async (int associationId, CreateRoundRequest request, CreateRound create) =>
        {
            var result = await create.HandleAsync(associationId, request);
            return result.IsValid
                ? Results.Created($"/api/v1/survey-rounds/{result.Value!.Id}/results", new { id = result.Value.Id })
                : ApiProblems.Validation(result.Errors, "Mätomgången kunde inte skapas");
        }).RequirePermission(Permission.ManageMeasurement);

        api.MapPost("/survey-rounds/{roundId:int}/answers:import", (int roundId, IFormFile? file, ImportAnswers import) =>
            ApiUploads.ReceiveAsync(file, "Mätomgången", (name, bytes) => import.HandleAsync(roundId, name, bytes)))
            .RequirePermission(Permission.ManageMeasurement).DisableAntiforgery();

        api.MapPost("/survey-rounds/{roundId:int}/register:import", (int roundId, IFormFile? file, Distribution distribution) =>
            ApiUploads.ReceiveAsync(file, "Mätomgången", (name, bytes) => distribution.ImportRegisterAsync(roundId, name, bytes)))
            .RequirePermission(Permission.ManageMeasurement).DisableAntiforgery();

        api.MapPost("/survey-rounds/{roundId:int}/links", async (int roundId, HttpRequest request, Distribution distribution) =>
            await distribution.CreateLinksAsync(roundId, $"{request.Scheme}://{request.Host}") is { } csv
                ? Results.File(csv, "text/csv; charset=utf-8", $"lankar-matomgang-{roundId}.csv")
                : ApiProblems.NotFound("Mätomgången"))
            .RequirePermission(Permission.ManageMeasurement);

        api.MapPost("/survey-rounds/{roundId:int}/invitations:send", async (int roundId, bool? reminder, HttpRequest request, Distribution distribution) =>
        {
            var result = await distribution.SendAsync(roundId, $"{request.Scheme}://{request.Host}", reminder == true);
            if (result is null) return ApiProblems.NotFound("Mätomgången");
            return result.IsValid ? Results.Ok(new { sent = result.Value }) : ApiProblems.Validation(result.Errors, "Inbjudningarna kunde inte skickas");
        }).RequirePermission(Permission.ManageMeasurement);

        api.MapPut("/survey-rounds/{roundId:int}/periods/{kind}", async (int roundId, string kind, PeriodRequest request, Distribution distribution, SamordnaDb db) =>
        {
            if (!await db.SurveyRounds.AnyAsync(r => r.Id == roundId)) return ApiProblems.NotFound("Mätomgången");
            var errors = await distribution.SetDatesAsync(roundId, request.OpensOn, request.ClosesOn, kind, request.Revision);
            return errors.Count == 0 ? Results.NoContent() : ApiProblems.ValidationOrConflict(errors, "Svarsperioden kunde inte sparas");
        }).RequirePermission(Permission.ManageMeasurement);

        api.MapGet("/survey-rounds/{roundId:int}/periods", async (int roundId, SamordnaDb db, Distribution distribution) =>
            await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId) is { } round
                ? Results.Ok(new
                {
                    round.Revision, round.OpensOn, round.ClosesOn,
                    periods = (await distribution.PeriodsAsync(roundId)).Select(p => new { p.Kind, p.OpensOn, p.ClosesOn }),
                })
                : ApiProblems.NotFound("Mätomgången"))
            .RequirePermission(Permission.ManageMeasurement);

        api.MapGet("/survey-rounds/{roundId:int}/response-rates", async (int roundId, Distribution distribution) =>
            await distribution.SummaryAsync(roundId) is { } summary ? Results.Ok(summary) : ApiProblems.NotFound("Mätomgången"))
            .RequirePermission(Permission.ManageMeasurement);

        api.MapPut("/associations/{associationId:int}/unit-groupings/{attribute}", async (int associationId, string attribute, UnitGroupingRequest request, UnitGroupings groupings) =>
        {
            var errors = await groupings.SetAsync(associationId, attribute, request);
            return errors.Count == 0 ? Results.NoContent() : ApiProblems.Validation(errors, "Grupperingen kunde inte sparas");
        }).RequirePermission(Permission.ManageMeasurement);

        api.MapGet("/survey-rounds/{roundId:int}/results", async (int roundId, string? by, MeasurementResults results) =>
            await results.NotYetPublishedAsync(roundId) is { } why ? NotPublished(why)
            : await results.ResultsAsync(roundId, Attribute(by)) is { } dto ? Results.Ok(dto) : ApiProblems.NotFound("Mätomgången"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapGet("/survey-rounds/{roundId:int}/comparison", async (int roundId, string? by, int? with, MeasurementResults results, SamordnaDb db) =>
            await results.NotYetPublishedAsync(roundId, with ?? await db.SurveyRounds.Where(r => r.Id == roundId).Select(r => r.BaselineRoundId).SingleOrDefaultAsync()) is { } why
                ? NotPublished(why)
                : await results.ComparisonAsync(roundId, Attribute(by), with) is { } dto
                ? Results.Ok(dto)
                : ApiProblems.NotFound("Mätomgången, dess baslinje eller den andra mätomgången i samma förbund"))
            .RequirePermission(Permission.ViewAssociation);
    }

    private static IResult NotPublished(string why) =>
        Results.Problem(title: "Resultaten är inte publicerade ännu", detail: why, statusCode: StatusCodes.Status409Conflict);

    private static string? Attribute(string? by) => string.IsNullOrWhiteSpace(by) ? null : by.Trim().ToLowerInvariant();
}
