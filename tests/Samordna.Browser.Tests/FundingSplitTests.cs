using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Browser.Tests;

/// <summary>The main path through the pages in a real browser: sign in, create an association, register a budget year.</summary>
public sealed class FundingSplitTests : BrowserTest
{
    [EnvironmentFact]
    public async Task Administrator_creates_an_association_and_sees_the_budget_year_split()
    {
        await using var context = await Chromium.NewContextAsync(App);
        var page = await context.NewPageAsync();
        await Chromium.LoginAsync(page, "admin@test.se");

        await page.GotoAsync("/Associations/Create");
        await page.FillAsync("#name", "Samordningsförbund Gävleborg");
        await page.FillAsync("#organisationNumber", "222000-9993");
        await page.FillAsync("#startDate", "2016-01-01");
        await page.SelectOptionAsync("#county", "21");
        // Each county's municipalities sit in a closed <details>; open it as a person would before ticking.
        await page.Locator("details:has(#m-2180) > summary").ClickAsync();
        await page.CheckAsync("#m-2180");
        await page.CheckAsync("#m-2101");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa förbund" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Associations/\d+$"));
        Assert.Equal("Samordningsförbund Gävleborg", (await page.Locator("h1").InnerTextAsync()).Trim());

        var year = DateTime.Today.Year;
        await page.GetByRole(AriaRole.Link, new() { Name = $"Budgetår {year}", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/Associations/\d+/Funding/{year}/Edit$"));
        await page.FillAsync("#total", "1000000");
        await page.CheckAsync("#key-population");
        await page.FillAsync("#populations-2180", "30000");
        await page.FillAsync("#populations-2101", "10000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/Associations/\d+/Funding/{year}$"));

        // Hand calculation: FK half, the region a quarter, the municipal quarter 250 000 split 30 000 : 10 000.
        var amounts = await SplitAsync(page);
        Assert.Equal("500 000", amounts["Försäkringskassan"]);
        Assert.Equal("250 000", amounts["Region Gävleborg"]);
        Assert.Equal("187 500", amounts["Gävle kommun"]);
        Assert.Equal("62 500", amounts["Ockelbo kommun"]);
    }

    [EnvironmentFact]
    public async Task Login_form_works_with_the_keyboard_alone()
    {
        await using var context = await Chromium.NewContextAsync(App);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        // The first Tab reaches the skip link; following it puts focus in the main content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await FocusedAsync(page, "el => el.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await FocusedAsync(page, "el => el.id"));

        // From the main content, Tab goes straight to the e-mail field, then the password field.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("email", await FocusedAsync(page, "el => el.id"));
        await page.Keyboard.TypeAsync("admin@test.se");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await FocusedAsync(page, "el => el.id"));
        await page.Keyboard.TypeAsync(RunningApp.Password);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.Locator(".account")).ToContainTextAsync("admin@test.se");
    }

    private static Task<string> FocusedAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => ({expression})(document.activeElement)");

    /// <summary>The split table's amounts by party, with sv-SE group separators (non-breaking or narrow spaces) made plain.</summary>
    private static async Task<Dictionary<string, string>> SplitAsync(IPage page)
    {
        var rows = await page.Locator("#split tbody tr").AllAsync();
        var amounts = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            amounts[cells[0].Trim()] = Regex.Replace(cells[2], @"\s", " ").Trim();
        }
        return amounts;
    }
}
