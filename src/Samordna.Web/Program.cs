using Samordna.Web.Cli;
using Samordna.Web.Data;
using Samordna.Web.Features.Demo;
using Samordna.Web.Hosting;

// One executable, two faces: a verb runs an operator command; anything else starts the web application.
if (CommandLine.IsVerb(args)) return await Verbs.RunAsync(args, Console.Out, Console.Error);

try
{
    var app = SamordnaApp.Build(WebStart.NormaliseArgs(args));
    await WebStart.PrepareAsync(app);
    await app.RunAsync();
    return 0;
}
catch (ConfigurationProblem e)
{
    Console.Error.WriteLine($"Fel i konfigurationen: {e.Message}");
    return 1;
}
catch (Exception e) when (e is System.Data.Common.DbException || e.InnerException is System.Data.Common.DbException)
{
    Console.Error.WriteLine($"Fel: databasen kunde inte nås eller uppgraderas ({(e.InnerException ?? e).Message}). Kontrollera Samordna:Database:Provider och ConnectionStrings:Samordna.");
    return 1;
}

/// <summary>The steps before the server listens: migrate, and load the demo on request.</summary>
public static class WebStart
{
    /// <summary>"--demo" is a bare switch for people; configuration wants a key and a value.</summary>
    public static string[] NormaliseArgs(string[] args) =>
        args.Select(a => a == "--demo" ? "--Samordna:Demo=true" : a).ToArray();

    public static async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        if (app.Configuration.GetValue<bool>("Samordna:Demo"))
            await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();
    }
}
