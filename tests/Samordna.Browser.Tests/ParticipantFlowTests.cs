using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samordna.Core.Access;
using Samordna.Core.Participants;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Demo;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Participants;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Browser.Tests;

/// <summary>A participant registrar enrols, measures and exits a participant in Chromium, as the "done when" asks.</summary>
public sealed class ParticipantFlowTests : BrowserTest
{
    private int intervention;

    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var association = (await services.GetRequiredService<CreateAssociation>()
            .HandleAsync(new("Samordningsförbundet Sydöstra Skåne", "222000-9993", "2016-01-01", ["12"], ["1286", "1291"]))).Value!.Id;
        intervention = (await services.GetRequiredService<SaveIntervention>().CreateAsync(association, new("Arena för arbete", "IndividualFocused", "PersonalData")))!.Value!.Id;
        await App.CreateUserAsync("deltagare@test.se", Role.ParticipantRegistrar, association);
        Assert.True((await services.GetRequiredService<Registrars>().AssignAsync(intervention, "deltagare@test.se"))!.IsValid);
    }

    [EnvironmentFact]
    public async Task A_registrar_enrols_measures_and_exits_a_participant()
    {
        await using var context = await Chromium.NewContextAsync(App);
        var page = await context.NewPageAsync();
        await Chromium.LoginAsync(page, "deltagare@test.se");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Deltagaruppföljning" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Arena för arbete" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv in deltagare" }).ClickAsync();

        var number = FictitiousIdentity.Number(700);
        await page.FillAsync("#identityNumber", number);
        await page.FillAsync("#participantName", "Selma Webbläsare");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Kvinna", Exact = true }).CheckAsync();
        await page.FillAsync("#enrolledOn", "2024-04-02");
        await page.SelectOptionAsync("#municipalityCode", "1286");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ekonomiskt bistånd (försörjningsstöd)" }).CheckAsync();
        await page.SelectOptionAsync("#measurement-occupation", "JobSeeking");
        await page.FillAsync("#measurement-monthsOnSupport", "18");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skriv in" }).ClickAsync();

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Deltagaren är inskriven.");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#measurements-caption + thead + tbody")).ToContainTextAsync("Arbetssökande");

        await page.FillAsync("#exitedOn", "2024-10-31");
        await page.SelectOptionAsync("#exitReason", "Work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Deltagaren är utskriven.");

        Assert.Equal("Exit", await page.InputValueAsync("#measurement-point"));
        await page.FillAsync("#measurement-measuredOn", "2024-10-31");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Lön", Exact = true }).CheckAsync();
        await page.SelectOptionAsync("#measurement-occupation", "Work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mätningen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Mätningen är sparad.");

        var episode = await App.WithDbAsync(db => db.Episodes.Include(e => e.Measurements).SingleAsync());
        Assert.Equal((new DateOnly(2024, 10, 31), ExitReason.Work), (episode.ExitedOn!.Value, episode.ExitReason!.Value));
        Assert.Equal([MeasurementPoint.Enrolment, MeasurementPoint.Exit], episode.Measurements.Select(m => m.Point).Order());
        Assert.Equal(18, episode.Measurements.Single(m => m.Point == MeasurementPoint.Enrolment).MonthsOnSupport);
    }
}
