using Samordna.Core.Access;
using Samordna.Core.Reports;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Reports;

/// <summary>/api/v1 for the reports: socio-economic calculation, funding per inhabitant, population.</summary>
public static class ReportsApi
{
    public sealed record OptInRequest(bool OptedIn);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/interventions/{interventionId:int}/socio-economic", async (int interventionId, [AsParameters] SocioEconomicQuery query, ReportQueries reports) =>
        {
            var result = await reports.SocioEconomicAsync(interventionId, query);
            if (result is null) return ApiProblems.NotFound("Insatsen");
            return result.IsValid ? Results.Ok(result.Value) : ApiProblems.Validation(result.Errors, "Kalkylen kunde inte göras");
        }).RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/funding/{year:int}/per-inhabitant", async (int associationId, int year, decimal? benchmark, ReportQueries reports) =>
        {
            var result = await reports.PerInhabitantAsync(associationId, year, benchmark ?? FundingPerInhabitant.SeedBenchmark);
            if (result is null) return ApiProblems.NotFound($"Budgetåret {year}");
            return result.IsValid ? Results.Ok(result.Value) : ApiProblems.Validation(result.Errors, "Medel per invånare kunde inte räknas");
        }).RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/annual-report/{year:int}", async (int associationId, int year, AnnualReportQuery query) =>
            year is >= 2004 and <= 2100 && await query.ForAsync(associationId, year) is { } report ? Results.Ok(report) : ApiProblems.NotFound("Förbundet eller året"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/board-pack", async (int associationId, DateOnly? since, BoardPackQuery query) =>
            await query.ForAsync(associationId, since) is { } pack ? Results.Ok(pack) : ApiProblems.NotFound("Förbundet"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/intervention-comparison", async (int associationId, int? year, InterventionComparisonQuery query) =>
            year is not (< 2004 or > 2100) && await query.ForAsync(associationId, year) is { } comparison
                ? Results.Ok(comparison) : ApiProblems.NotFound("Förbundet eller året"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPut("/associations/{associationId:int}/comparison-opt-in", async (int associationId, OptInRequest request, ComparisonOptIns optIns, HttpContext http) =>
            await optIns.SetAsync(associationId, request.OptedIn, http.User.Identity?.Name ?? "") ? Results.Ok(new { optedIn = request.OptedIn }) : ApiProblems.NotFound("Förbundet"))
            .RequirePermission(Permission.ManageAssociation);

        api.MapGet("/association-comparison", async (int? year, AssociationComparisonQuery query, TimeProvider clock) =>
            (year ?? clock.GetLocalNow().Year - 1) is var chosen and >= 2004 and <= 2100
                ? Results.Ok(await query.ForAsync(chosen)) : ApiProblems.NotFound($"Året {year}"))
            .RequirePermission(Permission.ViewComparisons);

        api.MapGet("/association-comparison/measurement", async (string? instrument, int? version, AssociationComparisonQuery query) =>
            string.IsNullOrWhiteSpace(instrument)
                ? Results.Ok(await query.InstrumentsAsync())
                : await query.MeasurementAsync(instrument.Trim(), version) is { } result ? Results.Ok(result) : ApiProblems.NotFound($"Instrumentet {instrument}"))
            .RequirePermission(Permission.ViewComparisons);

        api.MapPost("/reference/population", (IFormFile? file, PopulationStore store) =>
            ApiUploads.ReceiveAsync(file, "Folkmängden", async (name, bytes) => await store.ImportAsync(name, bytes)))
            .RequirePermission(Permission.AdministerInstallation).DisableAntiforgery();
    }
}
