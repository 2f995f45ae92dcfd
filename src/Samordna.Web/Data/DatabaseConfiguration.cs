using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samordna.Web.Hosting;

namespace Samordna.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses and configures the database from configuration: an SQLite file by default, PostgreSQL on request.</summary>
public sealed record DatabaseConfiguration(DatabaseProvider Provider, string ConnectionString, string? SqliteFile)
{
    public static DatabaseConfiguration From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Samordna").Get<SamordnaOptions>() ?? new SamordnaOptions();
        if (string.Equals(options.Database.Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(options.Database.Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("Samordna");
            if (string.IsNullOrWhiteSpace(cs))
                throw new ConfigurationProblem("Samordna:Database:Provider är Postgres men ConnectionStrings:Samordna saknas. Ange anslutningssträngen, till exempel i miljövariabeln ConnectionStrings__Samordna.");
            return new DatabaseConfiguration(DatabaseProvider.Postgres, WithDefaults(cs), null);
        }
        if (!string.Equals(options.Database.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new ConfigurationProblem($"Okänd databas \"{options.Database.Provider}\" i Samordna:Database:Provider. Ange Sqlite eller Postgres.");

        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "samordna.db");
        var builder = new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, Pooling = true, DefaultTimeout = 30 };
        return new DatabaseConfiguration(DatabaseProvider.Sqlite, builder.ToString(), file);
    }

    /// <summary>Connections one instance opens at most unless the connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>Statements each PostgreSQL connection keeps prepared unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 50;

    /// <summary>
    /// PostgreSQL allows 100 connections by default (97 for ordinary roles) and Npgsql's own pool allows 100 per
    /// instance, so a burst of respondents could take them all and the next request failed with 53300 (measured:
    /// docs/benchmarks.md, load). Waiting a moment for a free connection is better, and a few busy connections
    /// serve a small server fastest. Statements used again and again are prepared once per connection, so
    /// PostgreSQL does not parse and plan them on every request (the answer pages: 545–642 → 896–956 pages/s,
    /// docs/benchmarks.md). An explicit setting in the connection string wins.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!new[] { "Maximum Pool Size", "MaxPoolSize" }.Any(given.ContainsKey)) builder.MaxPoolSize = DefaultMaxPoolSize;
        if (!new[] { "Max Auto Prepare", "MaxAutoPrepare" }.Any(given.ContainsKey)) builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>
    /// An open connection without EF, from the same pool EF uses (both providers pool per connection string), for the
    /// few paths written in plain SQL (the respondent's form: docs/decisions.md).
    /// </summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Provider == DatabaseProvider.Sqlite) await SqlitePragmas.ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Apply(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Postgres) builder.UseNpgsql(ConnectionString);
        else builder.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas());
        // The migrations are written by hand (no design-time package here), so there is no model snapshot;
        // MigrationsMatchModelTests checks instead that they build exactly the model's schema.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}

/// <summary>A configuration mistake an operator must fix; its message is shown as it is.</summary>
public sealed class ConfigurationProblem(string message) : Exception(message);
