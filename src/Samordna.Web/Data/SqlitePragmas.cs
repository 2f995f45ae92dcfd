using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samordna.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL keeps every committed transaction through a
/// crash of the application (the operating system holds the log) and saves an fsync per commit; only a power
/// loss can take the last commits. foreign_keys is already on through the connection string.
/// The setting belongs to the native connection, which the pool keeps open and hands out again: it is set once
/// per native connection, not on every open (each query opens one; measured: docs/benchmarks.md).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);

    /// <summary>Sets the pragmas on a connection opened outside EF (the respondent's path), once per native connection.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>True the first time this native connection is seen (marked now); a connection that is not SQLite's is always configured.</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } native } || Configured.TryAdd(native, Configured);
}
