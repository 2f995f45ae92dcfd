using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Samordna.Browser.Tests;

/// <summary>
/// Every page of the demo, checked with axe-core against WCAG 2.1 A and AA. Serious and critical
/// violations fail the test; all of them are listed at once, page by page, so one run shows the whole job.
/// </summary>
public sealed class AxeTests(ITestOutputHelper output) : BrowserTest(demo: true)
{
    [EnvironmentFact]
    public async Task Every_demo_page_has_no_serious_or_critical_WCAG_violations()
    {
        var demo = await App.WithDbAsync(db => db.Associations.Where(a => a.IsDemo && a.Name == Samordna.Web.Features.Demo.DemoData.Name).Select(a => a.Id).SingleAsync());
        var hog = await App.WithDbAsync(db => db.Associations.Where(a => a.IsDemo && a.Name == Samordna.Web.Features.Demo.DemoStructures.HoglandetName).Select(a => a.Id).SingleAsync());
        var nassjo = await App.WithDbAsync(db => db.CollaborationGroups.Where(g => g.Name == "Styrgrupp Samverk Nässjö").Select(g => g.Id).SingleAsync());
        var meeting = await App.WithDbAsync(db => db.Meetings.Where(m => m.GroupId == nassjo && m.Status == Samordna.Core.Structures.MeetingStatus.Held).Select(m => m.Id).SingleAsync());
        var plan = await App.WithDbAsync(db => db.ActionPlans.Where(p => p.AssociationId == hog).Select(p => p.Id).SingleAsync());
        var document = await App.WithDbAsync(db => db.StructureDocuments.Where(d => d.AssociationId == hog).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        var meetingDay = await App.WithDbAsync(db => db.CollaborationEvents.Where(e => e.AssociationId == hog).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var rounds = await App.WithDbAsync(db => db.SurveyRounds.Where(r => r.AssociationId == demo).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal(3, rounds.Count);
        var skane = await App.WithDbAsync(db => db.Associations.Where(a => a.Name == Samordna.Web.Features.Demo.DemoInterventions.Name).Select(a => a.Id).SingleAsync());
        var husId = await App.WithDbAsync(db => db.Interventions.Where(i => i.Name == "Möjligheternas hus").Select(i => i.Id).SingleAsync());
        string[] signedIn =
        [
            "/", "/Associations", $"/Associations/{demo}", $"/Associations/{demo}/Funding/2017", $"/Associations/{demo}/Funding/2017/Edit",
            $"/Associations/{demo}/Roles", $"/Associations/{demo}/Audit", "/Associations/Create", "/Admin", "/Admin/Audit",
            "/Account/Me", "/Account/TwoFactor",
            "/Participants", "/Reports", "/Comparisons/Associations?year=2019", "/Comparisons/Associations?year=2017&instrument=gavleborg-2016-staff",
            $"/Associations/{skane}/Comparisons/Interventions", $"/Associations/{skane}/Comparisons/Interventions?budgetYear=2019", $"/Associations/{skane}/ComparisonConsent",
            $"/Associations/{skane}/ParticipantReport", $"/Associations/{skane}/ParticipantReport?budgetYear=2019&by=Gender&reference=6",
            $"/Interventions/{husId}/Registrars", $"/Interventions/{husId}/MonthlyCounts/2019",
            $"/Associations/{skane}/ParticipantSettings", $"/Interventions/{husId}/FollowUpSettings",
            "/Interventions", $"/Associations/{demo}/Interventions", $"/Associations/{skane}/Interventions?year=2019",
            $"/Interventions/{husId}", $"/Interventions/{husId}/SocioEconomic", $"/Associations/{demo}/Funding/2017/PerInhabitant", $"/Associations/{skane}/AnnualReport/2019", $"/Associations/{skane}/BoardPack?since=2019-01-01", $"/Associations/{hog}/BoardPack", "/Admin/Population", $"/Interventions/{husId}/TheoryOfChange", $"/Interventions/{husId}/Evaluation", $"/Interventions/{husId}/Budget/2019",
            "/Measurement", $"/Associations/{demo}/Surveys", $"/Associations/{demo}/Surveys/New",
            .. rounds.SelectMany(r => new[] { $"/Surveys/{r}/Results", $"/Surveys/{r}/Import" }),
            $"/Surveys/{rounds[1]}/Results?by=county_part", $"/Surveys/{rounds[1]}/Comparison?by=county_part", $"/Surveys/{rounds[2]}/Results?by=group",
            "/Structures", $"/Associations/{demo}/Structures?showYear=2017", $"/Associations/{hog}/Structures?showYear=2019", $"/Associations/{hog}/Structures/Manage",
            $"/Associations/{hog}/Structures/Groups/{nassjo}?showYear=2019", $"/Associations/{hog}/Structures/Groups/{nassjo}/Edit",
            $"/Associations/{hog}/Structures/Meetings/{meeting}", $"/Associations/{hog}/Structures/Meetings/{meeting}/Edit",
            $"/Associations/{hog}/Structures/Plans/{plan}?period=2019H1", $"/Associations/{hog}/Structures/Plans/{plan}/Edit?period=2019H1",
            $"/Associations/{hog}/Structures/Coordinators?showYear=2018", $"/Associations/{hog}/Directory?q=kommun", $"/Associations/{hog}/Directory/Edit",
            $"/vagen-in/{hog}", $"/Associations/{hog}/Deviations", $"/Associations/{hog}/Deviations/New",
            $"/Associations/{hog}/Structures/Documents", $"/Associations/{hog}/Structures/Documents/{document}", $"/Associations/{hog}/Structures/Documents/New",
            $"/Associations/{hog}/Structures/Documents/{document}/Edit", $"/Associations/{hog}/Structures/Events", $"/Associations/{hog}/Structures/Events/New",
            $"/Associations/{hog}/Structures/Events/{meetingDay}/Edit",
        ];
        var report = new StringBuilder();

        // The app's CSP (script-src 'self') rightly refuses an injected script; bypass it for the scan only.
        await using (var anonymous = await Chromium.NewContextAsync(App, bypassCsp: true))
        {
            await ScanAsync(await anonymous.NewPageAsync(), "/Account/Login", report);
        }
        await using (var context = await Chromium.NewContextAsync(App, bypassCsp: true))
        {
            var page = await context.NewPageAsync();
            await Chromium.LoginAsync(page, "admin@test.se");
            foreach (var path in signedIn) await ScanAsync(page, path, report);
        }
        // The registrar's pages, as a participant registrar assigned to the intervention sees them.
        await App.CreateUserAsync("deltagare@test.se", Role.ParticipantRegistrar, skane);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Samordna.Web.Features.Participants.Registrars>().AssignAsync(husId, "deltagare@test.se"))!.IsValid);
        var episode = await App.WithDbAsync(db => db.Episodes.Where(e => e.InterventionId == husId && e.ParticipantId != null && !e.Participant!.Restricted)
            .OrderBy(e => e.Id).Select(e => new { e.Id, Participant = e.ParticipantId!.Value }).FirstAsync());
        await using (var context = await Chromium.NewContextAsync(App, bypassCsp: true))
        {
            var page = await context.NewPageAsync();
            await Chromium.LoginAsync(page, "deltagare@test.se");
            foreach (var path in new[] { "/Participants", $"/Interventions/{husId}/Participants", $"/Interventions/{husId}/Participants/Enrol",
                         $"/Interventions/{husId}/Participants/Import", $"/Interventions/{husId}/Episodes/{episode.Id}", $"/Associations/{skane}/Participants/{episode.Participant}" })
                await ScanAsync(page, path, report);
        }

        Assert.True(report.Length == 0, "axe-core fann allvarliga brister (WCAG 2.1 A/AA):\n" + report);
    }

    private async Task ScanAsync(IPage page, string path, StringBuilder report)
    {
        var response = await page.GotoAsync(path);
        // Scan the page asked for, not an error page or the login page it redirected to.
        Assert.Equal(200, response?.Status);
        Assert.Equal(path, new Uri(page.Url).PathAndQuery);

        var violations = await Axe.RunAsync(page);

        foreach (var v in violations)
        {
            // Moderate and minor findings are printed for the record but do not fail the build.
            var line = $"{path}: {v}";
            output.WriteLine((v.Serious ? "FEL " : "notering ") + line);
            if (v.Serious) report.AppendLine(line);
        }
    }
}
