using Samordna.Core.Access;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (string? format, int? limit, AuditQueries queries) =>
            Respond(await queries.ListAsync(null, Take(format, limit)), format, "granskningslogg.csv"))
            .RequirePermission(Permission.AdministerInstallation);

        api.MapGet("/associations/{associationId:int}/audit", async (int associationId, string? format, int? limit, AuditQueries queries) =>
            Respond(await queries.ListAsync(associationId, Take(format, limit)), format, $"granskningslogg-forbund-{associationId}.csv"))
            .RequirePermission(Permission.ReadAudit);
    }

    /// <summary>CSV exports everything; JSON the newest 500 rows unless ?limit= asks for up to 10,000.</summary>
    private static int Take(string? format, int? limit) =>
        IsCsv(format) ? int.MaxValue : Math.Clamp(limit ?? 500, 1, 10_000);

    private static bool IsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private static IResult Respond(List<AuditRow> rows, string? format, string fileName) =>
        IsCsv(format)
            ? Results.File(AuditQueries.ToCsv(rows), "text/csv; charset=utf-8", fileName)
            : Results.Ok(rows);
}
