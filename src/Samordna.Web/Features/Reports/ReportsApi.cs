using Samordna.Core.Access;
using Samordna.Core.Reports;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Reports;

/// <summary>/api/v1 for the reports: socio-economic calculation, funding per inhabitant, population.</summary>
public static class ReportsApi
{
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

        api.MapPost("/reference/population", (IFormFile? file, PopulationStore store) =>
            ApiUploads.ReceiveAsync(file, "Folkmängden", async (name, bytes) => await store.ImportAsync(name, bytes)))
            .RequirePermission(Permission.AdministerInstallation).DisableAntiforgery();
    }
}
