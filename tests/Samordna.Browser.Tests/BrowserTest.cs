using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Browser.Tests;

/// <summary>
/// One running app (SQLite, with a system administrator admin@test.se) and one Chromium per test class, stopped
/// afterwards. Subclasses set up their own data in <see cref="PrepareAsync"/>.
/// </summary>
public abstract class BrowserTest(bool demo = false) : IAsyncLifetime, INeedsBrowser
{
    protected RunningApp App { get; private set; } = null!;
    protected Chromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await RunningApp.StartAsync(DatabaseProvider.Sqlite, demo);
        await App.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        Chromium = await Chromium.LaunchAsync();
        await PrepareAsync();
    }

    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await App.DisposeAsync();
    }
}
