using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Browser.Tests;

/// <summary>A respondent answers the Gävleborg staff survey with the keyboard alone; every step is axe-clean.</summary>
public sealed class SurveyKeyboardTests : BrowserTest
{
    private string link = "";

    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
            .HandleAsync(new("Samordningsförbund Gävleborg", "222000-9993", "2016-01-01", ["21"], ["2180", "2181"]))).Value!;
        var round = (await scope.ServiceProvider.GetRequiredService<CreateRound>().HandleAsync(association.Id, new("gavleborg-2016-staff", "Ommätning", null))).Value!;
        var distribution = scope.ServiceProvider.GetRequiredService<Distribution>();
        await distribution.ImportRegisterAsync(round.Id, "register.csv", "email;unit:party\nanna@kommun.se;Kommunen\n"u8.ToArray());
        var csv = System.Text.Encoding.UTF8.GetString((await distribution.CreateLinksAsync(round.Id, "http://x"))!);
        link = new Uri(csv.Split("\r\n")[1].Split(';')[1]).AbsolutePath;
    }

    [EnvironmentFact]
    public async Task Survey_is_answered_by_keyboard_alone_and_every_step_is_accessible()
    {
        await using var context = await Chromium.NewContextAsync(App, bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await AssertAccessibleAsync(page);

        // Skip link, then into the screening question: the first option is "Nej"; the arrow key moves to "Ja".
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.IsCheckedAsync("input[name=KONTAKT][value=ja]"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        // Units: tick Gävle and Sandviken with the space bar.
        await page.WaitForSelectorAsync("text=I vilka kommuner arbetar du?");
        await AssertAccessibleAsync(page);
        await page.Locator("main").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        // Questions: answer the first (Verksamhetsområde) and P1 for Gävle, then tab to the button and send.
        await page.WaitForSelectorAsync("text=Frågor om samverkan i Gävle");
        await AssertAccessibleAsync(page);
        await page.Locator("main").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("input[name=VERKSAMHET][value=fk]"));
        await page.FocusAsync("input[name='P1/Gävle'][value='1']");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.IsCheckedAsync("input[name='P1/Gävle'][value='3']"));
        for (var i = 0; i < 300 && await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") != "Skicka svaren"; i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("text=Tack!");
        await AssertAccessibleAsync(page);
        var records = await App.WithDbAsync(db => db.SurveyRecords.Include(r => r.Units).Include(r => r.Answers).ToListAsync());
        Assert.Equal(2, records.Count);
        var gavle = records.Single(r => r.Units.Any(u => u.Attribute == "municipality" && u.Value == "Gävle"));
        Assert.Equal("3", gavle.Answers.Single(a => a.ItemCode == "P1").Value);
        Assert.Equal("fk", gavle.Answers.Single(a => a.ItemCode == "VERKSAMHET").Value);
        Assert.Equal("ja", gavle.Answers.Single(a => a.ItemCode == "KONTAKT").Value);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var serious = (await Axe.RunAsync(page)).Where(v => v.Serious).ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious));
    }
}
