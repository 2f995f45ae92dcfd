using Microsoft.Playwright;
using Samordna.Web.Tests.Infrastructure;

// One app and one Chromium at a time: the machines have two cores, and parallel browsers only make timeouts flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Samordna.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser builds are never downloaded:
/// we launch the system binary by path, so the tests need no network.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            // No sandbox: tests run as root in containers. The rest keeps Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh context (own cookies) whose relative URLs go to the app.</summary>
    public Task<IBrowserContext> NewContextAsync(RunningApp app, bool bypassCsp = false) =>
        Browser.NewContextAsync(new() { BaseURL = app.Address.ToString(), BypassCSP = bypassCsp, Locale = "sv-SE" });

    /// <summary>Signs in through the login form, as a person would, and waits for the start page.</summary>
    public static async Task LoginAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", RunningApp.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.Locator(".account")).ToContainTextAsync(email);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
