using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>
/// Backup and restore on PostgreSQL with the operator's own tools, as docs/operations.md tells: pg_dump in the
/// custom format, the database destroyed and created again empty, pg_restore, and every table compared.
/// </summary>
public sealed class PostgresBackupTests : INeedsPostgresTools
{
    [EnvironmentFact]
    public async Task A_pg_dump_restored_into_a_new_database_gives_back_every_row_and_the_app_goes_on_working()
    {
        await using var app = await RunningApp.StartAsync(DatabaseProvider.Postgres, demo: true);
        await app.CreateUserAsync("chef@test.se", Role.SystemAdministrator);
        var token = await app.TokenForAsync("chef@test.se");
        var browser = app.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync("chef@test.se")).StatusCode);
        var connection = new NpgsqlConnectionStringBuilder(app.ConfigurationArgs.Single(a => a.StartsWith("--ConnectionStrings:Samordna="))["--ConnectionStrings:Samordna=".Length..]);
        var before = await DumpAsync(connection.ConnectionString);
        Assert.Contains("SurveyAnswers:", before); // the demo's measurements are in the backup
        Assert.Contains("DataProtectionKeys:", before);

        var file = Path.Combine(app.DataDirectory.FullName, "samordna.dump");
        await RunAsync("pg_dump", connection, "--format=custom", $"--file={file}");
        Assert.True(new FileInfo(file).Length > 0);

        // Destroy: the database is gone, then an empty one of the same name, as after a lost server.
        await AdminAsync($"DROP DATABASE {connection.Database} WITH (FORCE)");
        await AdminAsync($"CREATE DATABASE {connection.Database}");
        NpgsqlConnection.ClearAllPools();
        Assert.Equal("", await DumpAsync(connection.ConnectionString));

        await RunAsync("pg_restore", connection, "--clean", "--if-exists", "--no-owner", "--exit-on-error", file);
        var after = await DumpAsync(connection.ConnectionString);
        Assert.True(before == after, "Skillnad efter återställningen:\n" + Difference(before, after));

        // The restored database serves: sign-ins made before the backup still hold (its data-protection keys came
        // back), tokens work, and new rows get fresh ids (the sequences came back too).
        await app.RestartAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.On(app.Address).Http.GetAsync("/Account/Me")).StatusCode);
        var api = app.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/associations")).StatusCode);
        var created = await api.PostAsJsonAsync("/api/v1/associations",
            new { name = "Samordningsförbundet Efter Återställning", organisationNumber = TestData.OrganisationNumber(), startDate = "2026-01-01", counties = new[] { "01" }, municipalities = new[] { "0114" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>Every row of every table (ordered by its text), and every sequence's position, as text.</summary>
    private static async Task<string> DumpAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await ColumnAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
        var dump = new StringBuilder();
        foreach (var table in tables)
            foreach (var row in await ColumnAsync(connection, $"SELECT t::text FROM \"{table}\" AS t ORDER BY 1"))
                dump.Append(table).Append(": ").Append(row).Append('\n');
        foreach (var sequence in await ColumnAsync(connection, "SELECT sequencename || ' ' || coalesce(last_value::text, '-') FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"))
            dump.Append("sequence ").Append(sequence).Append('\n');
        return dump.ToString();
    }

    private static async Task<List<string>> ColumnAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static string Difference(string before, string after)
    {
        var (b, a) = (before.Split('\n').ToHashSet(), after.Split('\n').ToHashSet());
        return "Bara före:\n" + string.Join("\n", b.Except(a).Take(20)) + "\nBara efter:\n" + string.Join("\n", a.Except(b).Take(20));
    }

    /// <summary>Runs pg_dump or pg_restore against the database, the password through the environment as an operator would.</summary>
    private static async Task RunAsync(string program, NpgsqlConnectionStringBuilder connection, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { $"--host={connection.Host}", $"--port={connection.Port}", $"--username={connection.Username}", $"--dbname={connection.Database}", "--no-password" })
            start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} avslutades med {process.ExitCode}: {await error}");
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.AdminConnection());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
