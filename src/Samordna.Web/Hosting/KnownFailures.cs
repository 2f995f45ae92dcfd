using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;

namespace Samordna.Web.Hosting;

/// <summary>Failures that are the person's or a race's, not the program's: they get 400 or 409 and a Swedish text, never 500.</summary>
public static class KnownFailures
{
    public const string ConflictText =
        "Någon annan sparade samma sak samtidigt, eller så finns den redan. Ingenting av det du skickade sparades: ladda om och försök igen.";

    public static int StatusOf(Exception exception) => exception switch
    {
        StoredLimitException => StatusCodes.Status400BadRequest,
        // A concurrency token or a unique index refused the write: someone else got there first.
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => StatusCodes.Status409Conflict,
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "23505" } } => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };
}
