using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Browser.Tests;

/// <summary>
/// The vendored chart.js under the app's real CSP (not bypassed): the charts draw, nothing is refused by the policy,
/// and the table with the same numbers is still on the page. Without script the server's SVG stays.
/// </summary>
public sealed class ChartTests() : BrowserTest(demo: true)
{
    [EnvironmentFact]
    public async Task Charts_draw_under_the_strict_CSP_and_the_tables_stay()
    {
        var skane = await App.WithDbAsync(db => db.Associations.Where(a => a.Name == Samordna.Web.Features.Demo.DemoInterventions.Name).Select(a => a.Id).SingleAsync());
        await using var context = await Chromium.NewContextAsync(App);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        // Resources are checked by their responses (the browser's own favicon request may 404); everything else logged counts.
        page.Console += (_, message) => { if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource")) problems.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico")) problems.Add($"{response.Status} {response.Url}"); };
        page.PageError += (_, error) => problems.Add(error);
        await Chromium.LoginAsync(page, "admin@test.se");

        // Listen inside the page too: a CSP refusal fires securitypolicyviolation even when nothing is logged.
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        foreach (var path in new[] { $"/Associations/{skane}/AnnualReport/2019", $"/Associations/{skane}/Comparisons/Interventions?budgetYear=2019", "/Comparisons/Associations?year=2019" })
        {
            Assert.Equal(200, (await page.GotoAsync(path))!.Status);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var figures = await page.Locator("figure.chart-figure").CountAsync();
            Assert.True(figures > 0, $"{path}: inget diagram");
            Assert.Equal(figures, await page.Locator("figure.chart-enhanced canvas[role=img]").CountAsync());
            // Chart.js drew something: the canvas has a size.
            Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('figure.chart-enhanced canvas')].every(c => c.width > 0 && c.height > 0)"), path);
            Assert.True(await page.Locator("main table").CountAsync() > 0, $"{path}: tabellen saknas");
            Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));
        }
        Assert.DoesNotContain(problems, p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || p.Contains("Refused", StringComparison.Ordinal));
        Assert.Empty(problems);

        // Without script the server-drawn SVG is the chart.
        await using var noScript = await Chromium.Browser.NewContextAsync(new() { BaseURL = App.Address.ToString(), JavaScriptEnabled = false });
        var plain = await noScript.NewPageAsync();
        await Chromium.LoginAsync(plain, "admin@test.se");
        await plain.GotoAsync($"/Associations/{skane}/AnnualReport/2019");
        Assert.True(await plain.Locator("figure.chart-figure svg.chart").First.IsVisibleAsync());
    }
}
