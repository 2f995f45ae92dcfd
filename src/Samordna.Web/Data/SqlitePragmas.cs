using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samordna.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL keeps every committed transaction through a
/// crash of the application (the operating system holds the log) and saves an fsync per commit; only a power
/// loss can take the last commits. foreign_keys is already on through the connection string.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
