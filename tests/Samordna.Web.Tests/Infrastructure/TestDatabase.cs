using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samordna.Web.Data;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database of one provider: an SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, DirectoryInfo directory, string? postgresName, string connectionString)
    {
        Provider = provider;
        Directory = directory;
        PostgresName = postgresName;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }
    public DirectoryInfo Directory { get; }
    public string? PostgresName { get; }
    public string ConnectionString { get; }

    /// <summary>The command-line configuration that points the application at this database.</summary>
    public string[] ConfigurationArgs => Provider == DatabaseProvider.Postgres
        ? [$"--Samordna:DataDirectory={Directory.FullName}", "--Samordna:Database:Provider=Postgres", $"--ConnectionStrings:Samordna={ConnectionString}"]
        : [$"--Samordna:DataDirectory={Directory.FullName}"];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("samordna-test-");
        if (provider == DatabaseProvider.Sqlite)
            return new TestDatabase(provider, directory, null, new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory.FullName, "samordna.db"), ForeignKeys = true }.ToString());

        var name = "samordna_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAdminAsync($"CREATE DATABASE {name}");
        var cs = new NpgsqlConnectionStringBuilder(AdminConnection()) { Database = name }.ToString();
        return new TestDatabase(provider, directory, name, cs);
    }

    /// <summary>A context on this database, outside any application.</summary>
    public SamordnaDb Context()
    {
        var options = new DbContextOptionsBuilder<SamordnaDb>();
        new DatabaseConfiguration(Provider, ConnectionString, null).Apply(options);
        return new SamordnaDb(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            // An autovacuum worker on the fresh database can make FORCE fail for a non-superuser role; it soon
            // finishes, so try again, and leave the database behind rather than fail a test on its teardown.
            for (var attempt = 0; attempt < 10; attempt++)
            {
                try
                {
                    await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)");
                    break;
                }
                catch (PostgresException) { await Task.Delay(300); }
            }
        }
        try { Directory.Delete(recursive: true); } catch (IOException) { }
    }

    public static string AdminConnection() =>
        TestEnvironment.PostgresAdminConnection
        ?? throw new InvalidOperationException("SAMORDNA_REQUIRE_POSTGRES=1 men SAMORDNA_TEST_POSTGRES saknas: PostgreSQL-testerna kan inte köras.");

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnection());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
