using Samordna.Web.Data;

namespace Samordna.Web.Hosting;

/// <summary>GET /health: 200 when the database answers, 503 otherwise.</summary>
public static class HealthEndpoint
{
    public static async Task<IResult> Check(SamordnaDb db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Ok(new { status = "ok", database = db.Database.ProviderName })
                : Results.Json(new { status = "databasen svarar inte" }, statusCode: 503);
        }
        catch (Exception)
        {
            return Results.Json(new { status = "databasen svarar inte" }, statusCode: 503);
        }
    }
}
