using Microsoft.AspNetCore.Identity;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Accounts;
using Samordna.Web.Features.Demo;
using Samordna.Web.Features.Users;
using Samordna.Web.Hosting;

namespace Samordna.Web.Cli;

/// <summary>
/// The operator's verbs. They read the same configuration as the web application and write through the same
/// services, so the audit log shows them as "kommandorad".
/// Exit codes: 0 done, 1 failed (Swedish reason on stderr), 2 wrong usage.
/// </summary>
public static class Verbs
{
    public const string Usage = """
        Användning: Samordna.Web <verb> [flaggor]
          (utan verb startar webbservern; --demo laddar demoförbundet)

          migrate                                   uppgradera databasen till senaste schemat
          user add --email E --role R [--association ID] --password-file F [--name N]
                                                    skapa konto (eller ge ett befintligt konto en roll)
          token create --email E [--name N]         skriv ut en ny API-nyckel på stdout
          demo                                      ladda demoförbunden (Gävleborg och Höglandet)
          backup --out FIL                          säkerhetskopiera SQLite-databasen medan appen kör
          restore --from FIL                        återställ från en säkerhetskopia (den nuvarande sparas först)
          participants purge [--date ÅÅÅÅ-MM-DD]    radera personnummer och namn som passerat gallringstiden
          participants rekey                        kryptera om med aktuell nyckel och räkna om sökhashar
          structures remind [--days N] [--date ÅÅÅÅ-MM-DD]
                                                    e-posta påminnelser om åtgärder, överenskommelser,
                                                    dokumentgranskning och uppföljning av träffar (en gång var)
          participants newkey                       skriv ut en ny slumpmässig nyckel (base64) för nyckelfilen

        Roller: SystemAdministrator, AssociationAdministrator, BoardMember, Coordinator,
                InterventionLead, ParticipantRegistrar, Analyst
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
            var handler = Find(command) ?? throw new UsageProblem($"Okänt kommando: {string.Join(' ', args.Take(2))}");
            var builder = SamordnaApp.CreateBuilder(command.ConfigurationArgs);
            // stdout carries the verb's answer only (token create is read by scripts); every log line goes to stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
            actor.Name = $"kommandorad ({Environment.UserName})";
            if (command.Verb != "migrate" && command.Verb != "restore")
                await scope.ServiceProvider.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
            return await handler(command, scope.ServiceProvider, stdout);
        }
        catch (UsageProblem e)
        {
            await stderr.WriteLineAsync(e.Message);
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        catch (Exception e) when (e is CliProblem or ConfigurationProblem or MaintenanceProblem)
        {
            await stderr.WriteLineAsync($"Fel: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"Fel: kommandot kunde inte slutföras ({e.GetType().Name}: {e.Message}).");
            return 1;
        }
    }

    private delegate Task<int> Handler(CommandLine command, IServiceProvider services, TextWriter stdout);

    private static Handler? Find(CommandLine c) => (c.Verb, c.Words.FirstOrDefault()) switch
    {
        ("migrate", null) => Migrate,
        ("user", "add") => UserAdd,
        ("token", "create") => TokenCreate,
        ("demo", null) => Demo,
        ("backup", null) => Backup,
        ("restore", null) => Restore,
        ("participants", "purge") => Features.Participants.ParticipantVerbs.PurgeAsync,
        ("participants", "rekey") => Features.Participants.ParticipantVerbs.RekeyAsync,
        ("participants", "newkey") => Features.Participants.ParticipantVerbs.NewKeyAsync,
        ("structures", "remind") => Features.Structures.StructureVerbs.RemindAsync,
        ("help", _) => (_, _, o) => { o.WriteLine(Usage); return Task.FromResult(0); },
        _ => null,
    };

    private static async Task<int> Migrate(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var applied = await s.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        await o.WriteLineAsync(applied.Count == 0 ? "Databasen är redan uppdaterad." : $"Migreringar som kördes: {string.Join(", ", applied)}");
        return 0;
    }

    private static async Task<int> UserAdd(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var email = Required(c, "email");
        var role = RoleNames.Parse(Required(c, "role")) ?? throw new UsageProblem($"Okänd roll \"{c.Option("role")}\".");
        int? associationId = null;
        if (c.Option("association") is { } a)
            associationId = int.TryParse(a, out var id) ? id : throw new UsageProblem($"--association ska vara ett förbunds id (ett heltal), inte \"{a}\".");

        var users = s.GetRequiredService<UserManager<AppUser>>();
        var admin = s.GetRequiredService<UserAdministration>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var file = Required(c, "password-file");
            if (!File.Exists(file)) throw new CliProblem($"Lösenordsfilen {file} finns inte.");
            var password = (await File.ReadAllTextAsync(file)).TrimEnd('\r', '\n');
            var created = await admin.CreateAsync(email, c.Option("name"), password);
            if (!created.IsValid) throw new CliProblem(string.Join(" ", created.Errors.Select(e => e.Message)));
            user = created.Value!;
            await o.WriteLineAsync($"Kontot {email} skapades.");
        }
        var errors = await admin.GrantAsync(user.Id, role, associationId);
        if (errors.Count > 0) throw new CliProblem(string.Join(" ", errors.Select(e => e.Message)));
        await o.WriteLineAsync($"{email} har nu rollen {RoleNames.Swedish(role)}{(associationId is null ? "" : $" i förbund {associationId}")}.");
        return 0;
    }

    private static async Task<int> TokenCreate(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var email = Required(c, "email");
        var user = await s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new CliProblem($"Det finns inget konto med e-postadressen {email}.");
        var created = await s.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, c.Option("name") ?? "Skapad på kommandoraden");
        await o.WriteLineAsync(created.Secret);
        return 0;
    }

    private static async Task<int> Demo(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var id = await s.GetRequiredService<DemoData>().LoadAsync();
        await o.WriteLineAsync($"Demoförbundet \"{DemoData.Name}\" finns med id {id}.");
        return 0;
    }

    private static async Task<int> Backup(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var file = Required(c, "out");
        s.GetRequiredService<DatabaseMaintenance>().Backup(file);
        await o.WriteLineAsync($"Säkerhetskopian är sparad i {Path.GetFullPath(file)}.");
        return 0;
    }

    private static async Task<int> Restore(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var file = Required(c, "from");
        var saved = await s.GetRequiredService<DatabaseMaintenance>().RestoreAsync(file);
        await o.WriteLineAsync($"Databasen är återställd från {Path.GetFullPath(file)}. Den tidigare databasen sparades i {saved}.");
        return 0;
    }

    private static string Required(CommandLine c, string option) =>
        c.Option(option) is { Length: > 0 } value ? value : throw new UsageProblem($"Flaggan --{option} krävs.");
}

/// <summary>A verb that could not do its work; the message says why.</summary>
public sealed class CliProblem(string message) : Exception(message);
