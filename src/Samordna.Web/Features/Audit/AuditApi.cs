using Samordna.Core.Access;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (string? format, AuditQueries queries) =>
            Respond(await queries.ListAsync(null), format, "granskningslogg.csv"))
            .RequirePermission(Permission.AdministerInstallation);

        api.MapGet("/associations/{associationId:int}/audit", async (int associationId, string? format, AuditQueries queries) =>
            Respond(await queries.ListAsync(associationId), format, $"granskningslogg-forbund-{associationId}.csv"))
            .RequirePermission(Permission.ReadAudit);
    }

    private static IResult Respond(List<AuditRow> rows, string? format, string fileName) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.File(AuditQueries.ToCsv(rows), "text/csv; charset=utf-8", fileName)
            : Results.Ok(rows);
}
