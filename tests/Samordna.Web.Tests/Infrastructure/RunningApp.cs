using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Accounts;
using Samordna.Web.Features.Users;
using Samordna.Web.Hosting;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>
/// The real application, in this process, on a real loopback port and a real database of its own
/// (a fresh SQLite file, or a fresh PostgreSQL database that is dropped afterwards).
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string Password = "korrekt häst batteri häftklammer";

    private WebApplication app;
    private readonly TestDatabase database;
    private readonly string[] args;

    private readonly bool ownsDatabase;

    private RunningApp(WebApplication app, Uri address, TestDatabase database, string[] args, bool ownsDatabase = true)
    {
        this.app = app;
        this.database = database;
        this.args = args;
        this.ownsDatabase = ownsDatabase;
        Address = address;
    }

    public Uri Address { get; private set; }
    public DirectoryInfo DataDirectory => database.Directory;
    public DatabaseProvider Provider => database.Provider;
    public IServiceProvider Services => app.Services;

    /// <summary>The command-line configuration that points at this app's database (for verbs and restarts).</summary>
    public IReadOnlyList<string> ConfigurationArgs => database.ConfigurationArgs;

    public static async Task<RunningApp> StartAsync(DatabaseProvider provider, bool demo = false, params string[] configuration)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var args = new List<string>(database.ConfigurationArgs)
        {
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore=Error",
        };
        // Every test talks from 127.0.0.1, far faster than people: the rate limits are raised here, and
        // RateLimitTests lowers them again through `configuration` (later arguments win).
        foreach (var limit in new[] { "LoginPerAccount", "LoginPerAddress", "Api", "Survey" })
            args.Add($"--Samordna:RateLimits:{limit}:Limit=1000000");
        if (demo) args.Add("--Samordna:Demo=true");
        args.AddRange(configuration);

        var (app, address) = await LaunchAsync(args.ToArray());
        return new RunningApp(app, address, database, args.ToArray());
    }

    /// <summary>
    /// A second server on the same database, as behind a load balancer: its own port and process state, and (on
    /// PostgreSQL) its own data directory. Disposing it leaves the database to this app.
    /// </summary>
    public async Task<RunningApp> AnotherInstanceAsync()
    {
        // SQLite's data directory holds the database itself, so there the instances share it.
        var instanceArgs = Provider == DatabaseProvider.Postgres
            ? args.Select(a => a.StartsWith("--Samordna:DataDirectory=") ? $"--Samordna:DataDirectory={Path.Combine(DataDirectory.FullName, "instance-2")}" : a).ToArray()
            : args;
        var (instance, address) = await LaunchAsync(instanceArgs);
        return new RunningApp(instance, address, database, instanceArgs, ownsDatabase: false);
    }

    /// <summary>Stops the server and starts a new one on the same database (it gets a new port).</summary>
    public async Task RestartAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        (app, Address) = await LaunchAsync(args);
    }

    private static async Task<(WebApplication App, Uri Address)> LaunchAsync(string[] args)
    {
        var app = SamordnaApp.Build(args);
        await WebStart.PrepareAsync(app);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public WebSession Session() => new(Address);

    /// <summary>Creates an account through the same service the verbs and pages use; returns its id.</summary>
    public async Task<string> CreateUserAsync(string email, Role? role = null, int? associationId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var created = await admin.CreateAsync(email, email.Split('@')[0], Password);
        Assert.True(created.IsValid, string.Join("; ", created.Errors.Select(e => e.Message)));
        if (role is { } r) Assert.Empty(await admin.GrantAsync(created.Value!.Id, r, associationId));
        return created.Value!.Id;
    }

    public async Task<string> TokenForAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user!.Id, "test")).Secret;
    }

    public async Task<T> WithDbAsync<T>(Func<SamordnaDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SamordnaDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownsDatabase) await database.DisposeAsync();
    }
}
