using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Samordna.Browser.Tests;

/// <summary>
/// The intervention pages in Chromium: every page, filled with data, is axe-clean, and a board decision is
/// registered with the keyboard alone. The test builds its own intervention, so it does not depend on demo data.
/// </summary>
public sealed class InterventionPagesTests(ITestOutputHelper output) : BrowserTest
{
    private int association, intervention;

    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        association = (await services.GetRequiredService<CreateAssociation>()
            .HandleAsync(new("Samordningsförbundet Sydöstra Skåne", "222000-9993", "2016-01-01", ["12"], ["1286", "1291"]))).Value!.Id;
        Assert.True((await services.GetRequiredService<SetFunding>().HandleAsync(association, 2019, new(6_000_000, "equal", null, null)))!.IsValid);

        var save = services.GetRequiredService<SaveIntervention>();
        var predecessor = (await save.CreateAsync(association, new("Samverkansresurs", "Structural", "None")))!.Value!.Id;
        var created = await save.CreateAsync(association, new("Arena för arbete", "IndividualFocused", "PersonalData",
            Orientation: "Arbetsträning och stöd till unga vuxna.", TargetAgeFrom: 18, TargetAgeTo: 29, TargetCriteria: "Behov av stöd från minst två parter",
            OwnerParty: "Ystads kommun", CoOwners: ["Försäkringskassan"], MunicipalityCodes: ["1286"], StartDate: new(2019, 1, 7),
            PlannedEndDate: new(2030, 12, 31), PredecessorId: predecessor, FundingSources: ["Samordningsförbundet", "ESF"],
            Perspectives: [new("Målgruppen", "Långa tider utan sysselsättning.")]));
        Assert.True(created!.IsValid, string.Join("; ", created.Errors.Select(e => e.Message)));
        intervention = created.Value!.Id;

        var lists = services.GetRequiredService<InterventionLists>();
        Assert.True((await lists.SetGoalsAsync(intervention, [new("I arbete eller studier efter insatsen", 35, "Percent", "AtLeast", new(2020, 12, 31), 41, new(2020, 12, 31))]))!.IsValid);
        Assert.True((await lists.SetStaffAsync(intervention, [new("Arbetskonsulent", "Ystads kommun", 100, "Seconded", true)]))!.IsValid);
        Assert.True((await lists.SetFindingsAsync(intervention, [new("Ingen implementeringsplan", "Skriv en plan", "Förbundschefen", "Open", new(2021, 3, 1))]))!.IsValid);
        Assert.True((await lists.SetPlanAsync(intervention, new("Arbetssättet tas över", "Arbetsmarknadsenheten", "Ystads kommun", "Adopted",
            [new("Enhetschef", "Ystads kommun", "Tar emot arbetssättet")], [new("Beslut i nämnden", new(2020, 9, 1), null)])))!.IsValid);
        Assert.True((await lists.AddAnchoringAsync(intervention, new(new(2020, 5, 4), "Socialnämnden i Ystad", "Ystads kommun", "Presentation")))!.IsValid);
        Assert.True((await services.GetRequiredService<SaveBudgetYear>().HandleAsync(intervention, 2019,
            new(40, 38, [new("InterventionCost", null, 1_250_000, 1_000_000), new("EsfCost", null, 200_000, 150_000)])))!.IsValid);
        Assert.True((await services.GetRequiredService<TheoryOfChangeStore>().SaveAsync(intervention, new TheoryOfChange(
            "Unga vuxna står långt från arbete.", ["Två arbetskonsulenter"],
            [new("Gemensam mottagning", ActivityDelivery.Delivered), new("Föräldragrupper", ActivityDelivery.NotDelivered, "Ingen gruppledare")],
            [new("", "Fler i arbete", OutcomeTerm.Short, OutcomeLevel.Participant), new("", "Parterna delar ansvar", OutcomeTerm.Long, OutcomeLevel.Collaboration)],
            ["En väg in sänker tröskeln"], [new("Andel i arbete", "E1", IndicatorSource.ParticipantOutcome, "work-or-studies-at-exit", 30)],
            [new(2031, 6, 1)])))!.IsValid);

        var decide = services.GetRequiredService<RecordDecision>();
        Assert.True((await decide.HandleAsync(intervention, new("Application", new(2018, 11, 1), "Förbundschefen", null)))!.IsValid);
        Assert.True((await decide.HandleAsync(intervention, new("Decided", new(2018, 12, 13), "Styrelsen", "Styrelsen 2018-12-13 § 7")))!.IsValid);
    }

    [EnvironmentFact]
    public async Task Every_intervention_page_has_no_serious_or_critical_WCAG_violations()
    {
        string[] pages =
        [
            "/Interventions", $"/Associations/{association}/Interventions", $"/Associations/{association}/Interventions?kind=IndividualFocused&year=2019",
            $"/Associations/{association}/Interventions/New", $"/Associations/{association}/Budget/2019/Administration",
            $"/Interventions/{intervention}", $"/Interventions/{intervention}/Edit", $"/Interventions/{intervention}/Decision",
            $"/Interventions/{intervention}/Budget/2019", $"/Interventions/{intervention}/Goals", $"/Interventions/{intervention}/Staffing",
            $"/Interventions/{intervention}/TheoryOfChange", $"/Interventions/{intervention}/TheoryOfChange/Edit",
            $"/Interventions/{intervention}/Plan", $"/Interventions/{intervention}/Evaluation",
        ];
        var report = new StringBuilder();
        await using var context = await Chromium.NewContextAsync(App, bypassCsp: true);
        var page = await context.NewPageAsync();
        await Chromium.LoginAsync(page, "admin@test.se");
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            Assert.Equal(path, new Uri(page.Url).PathAndQuery);
            await ScanAsync(page, path, report);
        }

        // A refused form: the error summary, the fields marked invalid and their messages.
        await page.GotoAsync($"/Interventions/{intervention}/Budget/2019");
        await page.FillAsync("#lines-0-budget", "tolv kronor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara budget 2019" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Rad 1, budget: \"tolv kronor\" är inget tal.");
        await ScanAsync(page, "budget med fel", report);

        Assert.True(report.Length == 0, "axe-core fann allvarliga brister (WCAG 2.1 A/AA):\n" + report);
    }

    [EnvironmentFact]
    public async Task A_board_decision_is_registered_with_the_keyboard_alone()
    {
        await using var context = await Chromium.NewContextAsync(App, bypassCsp: true);
        var page = await context.NewPageAsync();
        await Chromium.LoginAsync(page, "admin@test.se");
        await page.GotoAsync($"/Interventions/{intervention}");

        // From the top of the main content, Tab to the decision form and choose Avbruten with the arrow key.
        await page.Locator("main").FocusAsync();
        await TabToAsync(page, "#to");
        Assert.Equal("Running", await page.InputValueAsync("#to"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("Stopped", await page.InputValueAsync("#to"));
        await TabToAsync(page, "#minutesReference");
        await page.Keyboard.TypeAsync("Styrelsen 2026-11-20 § 3");
        await TabToAsync(page, "button[type=submit]:text('Registrera beslutet')");
        await page.Keyboard.PressAsync("Enter");

        // Refused: who decided and whether money is repaid are missing; what was typed stays.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/Interventions/{intervention}/Decision");
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Ange vem som beslutade");
        await Assertions.Expect(summary).ToContainTextAsync("Ange om medel betalas tillbaka (ja eller nej).");
        Assert.Equal("Styrelsen 2026-11-20 § 3", await page.InputValueAsync("#minutesReference"));
        Assert.Equal("Stopped", await page.InputValueAsync("#to"));
        await AssertAccessibleAsync(page);

        await page.Locator("main").FocusAsync();
        await TabToAsync(page, "#decidedBy");
        await page.Keyboard.TypeAsync("Styrelsen");
        await TabToAsync(page, "#moneyRepaid");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.IsCheckedAsync("#moneyRepaid-nej"));
        await TabToAsync(page, "#endReason");
        await page.Keyboard.TypeAsync("Målgruppen nåddes inte.");
        await TabToAsync(page, "button[type=submit]:text('Registrera beslutet')");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/Interventions/{intervention}");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Beslutet registrerades: Beslutad → Avbruten");
        await Assertions.Expect(page.Locator("#decisions-heading + table")).ToContainTextAsync("Styrelsen 2026-11-20 § 3");
        await AssertAccessibleAsync(page);
        var stopped = await App.WithDbAsync(db => db.Interventions.SingleAsync(i => i.Id == intervention));
        Assert.Equal((InterventionStatus.Stopped, false, "Målgruppen nåddes inte."), (stopped.Status, stopped.MoneyRepaid!.Value, stopped.EndReason));
    }

    /// <summary>Presses Tab until the element matching the selector has focus; fails if it is never reached.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        for (var i = 0; i < 80; i++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tabb nådde aldrig {selector}.");
    }

    private async Task ScanAsync(IPage page, string name, StringBuilder report)
    {
        foreach (var v in await Axe.RunAsync(page))
        {
            output.WriteLine((v.Serious ? "FEL " : "notering ") + $"{name}: {v}");
            if (v.Serious) report.AppendLine($"{name}: {v}");
        }
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var serious = (await Axe.RunAsync(page)).Where(v => v.Serious).ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious));
    }
}
