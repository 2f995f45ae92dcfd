using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Cli;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>The operator's verbs, run as the executable runs them, against the database of a running app.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => app.RunVerbAsync(args);

    private string PasswordFile(string password)
    {
        var file = Path.Combine(app.DataDirectory.FullName, Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, password + "\n");
        return file;
    }

    [Fact]
    public async Task User_add_creates_the_account_with_its_role_and_token_create_prints_only_a_working_token()
    {
        var added = await RunAsync("user", "add", "--email", "kansli@test.se", "--role", "SystemAdministrator", "--password-file", PasswordFile(RunningApp.Password));
        Assert.Equal(0, added.Code);
        Assert.Equal("", added.Err);

        var token = await RunAsync("token", "create", "--email", "kansli@test.se");
        Assert.Equal(0, token.Code);
        var lines = token.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var secret = Assert.Single(lines).Trim();
        Assert.StartsWith("smd_", secret);

        var me = await app.Client(secret).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
        Assert.Equal("SystemAdministrator", me.GetProperty("roles")[0].GetProperty("role").GetString());

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "RoleAssignment").Select(a => a.Actor).ToListAsync());
        Assert.Contains(audit, actor => actor.StartsWith("kommandorad"));
    }

    [Fact]
    public async Task The_published_executable_prints_only_the_token_on_stdout()
    {
        Assert.Equal(0, (await RunAsync("user", "add", "--email", "skript@test.se", "--role", "SystemAdministrator", "--password-file", PasswordFile(RunningApp.Password))).Code);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = app.DataDirectory.FullName,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Samordna.Web.dll"), "token", "create", "--email", "skript@test.se" }.Concat(app.ConfigurationArgs))
            start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        var secret = stdout.TrimEnd('\n', '\r');
        Assert.Matches("^smd_[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Client(secret).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_usage_exits_2_and_failures_exit_1_with_a_Swedish_reason()
    {
        var unknownVerb = await RunAsync("frobnicate");
        Assert.Equal(2, unknownVerb.Code);
        Assert.Contains("Okänt kommando", unknownVerb.Err);

        var missingOption = await RunAsync("user", "add", "--email", "a@test.se");
        Assert.Equal(2, missingOption.Code);
        Assert.Contains("--role", missingOption.Err);

        var unknownRole = await RunAsync("user", "add", "--email", "a@test.se", "--role", "Kung", "--password-file", "x");
        Assert.Equal(2, unknownRole.Code);

        var noFile = await RunAsync("user", "add", "--email", "a@test.se", "--role", "SystemAdministrator", "--password-file", "/finns/inte");
        Assert.Equal(1, noFile.Code);
        Assert.Contains("finns inte", noFile.Err);

        var weak = await RunAsync("user", "add", "--email", "a@test.se", "--role", "SystemAdministrator", "--password-file", PasswordFile("kort"));
        Assert.Equal(1, weak.Code);
        Assert.Contains("Lösenordet är för kort", weak.Err);

        var noAssociation = await RunAsync("user", "add", "--email", "b@test.se", "--role", "BoardMember", "--association", "77", "--password-file", PasswordFile(RunningApp.Password));
        Assert.Equal(1, noAssociation.Code);
        Assert.Contains("Förbund 77 finns inte", noAssociation.Err);

        var unknownUser = await RunAsync("token", "create", "--email", "ingen@test.se");
        Assert.Equal(1, unknownUser.Code);
        Assert.Equal("", unknownUser.Out);
    }

    [Fact]
    public async Task Migrate_and_demo_succeed_and_demo_is_loaded_once()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Code);
        var first = await RunAsync("demo");
        var second = await RunAsync("demo");
        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);

        var demo = await app.WithDbAsync(db => db.Associations.Include(a => a.Members).SingleAsync(a => a.IsDemo && a.Name == Samordna.Web.Features.Demo.DemoData.Name));
        Assert.Equal(10, demo.Members.Count(m => m.Kind == Core.Associations.MemberPartyKind.Municipality));
        var board = await app.WithDbAsync(db => db.CollaborationGroups.Include(g => g.Members).SingleAsync(g => g.AssociationId == demo.Id && g.Kind == Core.Structures.GroupKind.Board));
        Assert.Equal(7, board.Members.Count(m => m.Role is Core.Structures.MemberRole.Chair or Core.Structures.MemberRole.ViceChair or Core.Structures.MemberRole.Member));
        Assert.Equal(7, board.Members.Count(m => m.Role == Core.Structures.MemberRole.Substitute));
        Assert.Equal(9, await app.WithDbAsync(db => db.CollaborationGroups.CountAsync(g => g.AssociationId == demo.Id && g.Kind == Core.Structures.GroupKind.LocalManagementGroup)));
        var funding2017 = await app.WithDbAsync(db => db.FundingYears.SingleAsync(f => f.AssociationId == demo.Id && f.Year == 2017));
        Assert.Equal(9_000_000, funding2017.Total);
    }

    [Fact]
    public async Task The_demo_holds_seed_002s_four_interventions_as_the_report_left_them()
    {
        Assert.Equal(0, (await RunAsync("demo")).Code);
        Assert.Equal(0, (await RunAsync("demo")).Code);
        var interventions = await app.WithDbAsync(db => db.Interventions.Include(i => i.Decisions).Include(i => i.Staff)
            .Where(i => db.Associations.Any(a => a.Id == i.AssociationId && a.Name == Features.Demo.DemoInterventions.Name))
            .OrderBy(i => i.Name).ToListAsync());
        Assert.Equal(["Arena för arbete", "Maria Skåne Sydost", "Möjligheternas hus", "Samverkansresurs"], interventions.Select(i => i.Name));
        var byName = interventions.ToDictionary(i => i.Name);
        Assert.Equal(Core.Interventions.InterventionStatus.Ended, byName["Arena för arbete"].Status);
        Assert.Equal(new DateOnly(2019, 12, 31), byName["Arena för arbete"].ActualEndDate);
        Assert.Contains("ett år i förtid", byName["Arena för arbete"].EndReason);
        Assert.Equal(Core.Interventions.InterventionStatus.Rewritten, byName["Möjligheternas hus"].Status);
        Assert.Contains("IRIS", byName["Möjligheternas hus"].SuccessorNote);
        Assert.Equal(Core.Interventions.InterventionStatus.Running, byName["Maria Skåne Sydost"].Status);
        Assert.Equal(Core.Interventions.InterventionKind.Structural, byName["Samverkansresurs"].Kind);
        Assert.Equal(10, byName["Arena för arbete"].Staff.Count(s => s.Role.StartsWith("Koordinator")) + 2);
        Assert.Equal(10m, byName["Maria Skåne Sydost"].Staff.Single(s => s.Role == "Specialistläkare").FtePercent);
        // Seed 002: none of the four had an implementation plan.
        Assert.Equal(0, await app.WithDbAsync(db => db.ImplementationPlans.CountAsync()));
        Assert.All(interventions, i => Assert.Contains(i.Decisions, d => d.ToStatus == Core.Interventions.InterventionStatus.Decided && d.MinutesReference != null));
    }

    [Fact]
    public async Task Backup_while_running_then_destroy_then_restore_gives_back_the_same_data()
    {
        await app.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        var admin = app.Client(await app.TokenForAsync("admin@test.se"));
        Assert.Equal(0, (await RunAsync("demo")).Code);
        var before = await DumpAsync();

        var backupFile = Path.Combine(app.DataDirectory.FullName, "kopia.db");
        var backup = await RunAsync("backup", "--out", backupFile);
        Assert.Equal(0, backup.Code);
        Assert.Equal(1, (await RunAsync("backup", "--out", backupFile)).Code); // never overwrites a backup

        // Destroy: delete the association through the API-backed database, cascading to everything under it.
        await app.WithDbAsync(async db => { db.Associations.RemoveRange(db.Associations); return await db.SaveChangesAsync(); });
        Assert.NotEqual(before, await DumpAsync());

        var restore = await RunAsync("restore", "--from", backupFile);
        Assert.Equal(0, restore.Code);
        Assert.Equal(before, await DumpAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/associations/1/funding/2017")).StatusCode);
        Assert.Single(app.DataDirectory.GetFiles("samordna-fore-aterstallning-*.db"));

        var beforeRefusal = await DumpAsync();
        var notABackup = Path.Combine(app.DataDirectory.FullName, "inte-en-kopia.db");
        File.WriteAllText(notABackup, "hej");
        var refused = await RunAsync("restore", "--from", notABackup);
        Assert.Equal(1, refused.Code);
        Assert.Contains("ingen SQLite-databas", refused.Err);
        Assert.Equal(beforeRefusal, await DumpAsync());
    }

    /// <summary>Every row of every table but the audit log (which records the destruction itself), as text.</summary>
    private async Task<string> DumpAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory.FullName, "samordna.db")}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('AuditEntries','sqlite_sequence','__EFMigrationsLock') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                dump.Append(table).Append(": ").AppendJoin(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i))).Append('\n');
        }
        return dump.ToString();
    }
}
