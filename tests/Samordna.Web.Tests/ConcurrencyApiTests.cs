using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>
/// Optimistic concurrency (issue 8, item 2) over real HTTP: for each kind of editable record, two people save from the
/// same revision; the first save stands, the second gets 409 with a Swedish message and changes nothing.
/// </summary>
public abstract class ConcurrencyApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient admin = null!;
    private int association;
    private int round;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider);
        await app.CreateUserAsync("system@test.se", Role.SystemAdministrator);
        var system = app.Client(await app.TokenForAsync("system@test.se"));
        (association, round) = await TestData.AssociationWithRoundAsync(system, "Samordningsförbundet Gävleborg", ["2180", "2181"], "spindeln", "Spindeln 2024");
        await app.CreateUserAsync("admin@test.se", Role.AssociationAdministrator, association);
        admin = app.Client(await app.TokenForAsync("admin@test.se"));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await admin.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The first change is accepted, the second (sent with the same, now stale, revision) is a Swedish 409.</summary>
    private static async Task FirstWinsAsync(Task<HttpResponseMessage> first, Func<Task<HttpResponseMessage>> second, string what)
    {
        var accepted = await first;
        Assert.True(accepted.IsSuccessStatusCode, $"{what}: {accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        var refused = await second();
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"{what}: {refused.StatusCode} {body}");
        Assert.Contains("har ändrats av någon annan sedan du öppnade sidan", JsonSerializer.Deserialize<JsonElement>(body).GetProperty("detail").GetString());
    }

    private async Task<int> InterventionAsync()
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/interventions",
            new { name = "Arena för arbete", kind = "IndividualFocused", measurementMethod = "PersonalData" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [EnvironmentFact]
    public async Task Intervention_lists_refuse_the_second_of_two_saves_from_the_same_revision()
    {
        var id = await InterventionAsync();
        var revisions = (await GetAsync($"/api/v1/interventions/{id}")).GetProperty("revisions");
        var staff = revisions.GetProperty("staff").GetInt32();
        var goals = revisions.GetProperty("goals").GetInt32();
        var findings = revisions.GetProperty("findings").GetInt32();

        await FirstWinsAsync(admin.PutAsJsonAsync($"/api/v1/interventions/{id}/staff?revision={staff}",
                new[] { new { role = "Coach", employingParty = "Gävle kommun", ftePercent = 100, employment = "Hired" } }),
            () => admin.PutAsJsonAsync($"/api/v1/interventions/{id}/staff?revision={staff}",
                new[] { new { role = "Handläggare", employingParty = "Arbetsförmedlingen", ftePercent = 25, employment = "Seconded" } }), "bemanning");
        await FirstWinsAsync(admin.PutAsJsonAsync($"/api/v1/interventions/{id}/goals?revision={goals}",
                new[] { new { description = "I arbete efter insatsen", target = 35, unit = "Percent", targetDate = "2025-12-31" } }),
            () => admin.PutAsJsonAsync($"/api/v1/interventions/{id}/goals?revision={goals}",
                new[] { new { description = "Nöjda deltagare", target = 80, unit = "Percent", targetDate = "2025-12-31" } }), "mål");
        await FirstWinsAsync(admin.PutAsJsonAsync($"/api/v1/interventions/{id}/findings?revision={findings}",
                new[] { new { finding = "Samlokaliseringen fungerade" } }),
            () => admin.PutAsJsonAsync($"/api/v1/interventions/{id}/findings?revision={findings}",
                new[] { new { finding = "Väntetiderna var långa" } }), "iakttagelser");
        // No plan yet is revision 0: two people creating the first plan cannot both succeed.
        await FirstWinsAsync(admin.PutAsJsonAsync($"/api/v1/interventions/{id}/implementation-plan",
                new { goals = "Gävle kommun tar över", status = "Draft", revision = 0 }),
            () => admin.PutAsJsonAsync($"/api/v1/interventions/{id}/implementation-plan",
                new { goals = "Regionen tar över", status = "Draft", revision = 0 }), "implementeringsplan");
        await FirstWinsAsync(admin.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2025",
                new { plannedParticipants = 40, lines = new[] { new { kind = "InterventionCost", budget = 1_000_000 } }, revision = 0 }),
            () => admin.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2025",
                new { plannedParticipants = 10, lines = new[] { new { kind = "InterventionCost", budget = 5 } }, revision = 0 }), "budgetår");

        var now = await GetAsync($"/api/v1/interventions/{id}");
        Assert.Equal("Coach", now.GetProperty("staff")[0].GetProperty("role").GetString());
        Assert.Equal(1, now.GetProperty("staff").GetArrayLength());
        Assert.Equal("I arbete efter insatsen", now.GetProperty("goals")[0].GetProperty("description").GetString());
        Assert.Equal("Samlokaliseringen fungerade", now.GetProperty("findings")[0].GetProperty("finding").GetString());
        Assert.Equal("Gävle kommun tar över", now.GetProperty("implementationPlan").GetProperty("goals").GetString());
        Assert.Equal(40, now.GetProperty("budgetYears")[0].GetProperty("plannedParticipants").GetInt32());
        var after = now.GetProperty("revisions");
        Assert.Equal((staff + 1, goals + 1, findings + 1, 1, 1), (after.GetProperty("staff").GetInt32(), after.GetProperty("goals").GetInt32(),
            after.GetProperty("findings").GetInt32(), after.GetProperty("implementationPlan").GetInt32(), after.GetProperty("budgetYears").GetProperty("2025").GetInt32()));

        // Removing a year someone changed after you read it is refused too; with the current revision it goes.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2025",
            new { plannedParticipants = 45, lines = new[] { new { kind = "InterventionCost", budget = 1_100_000 } }, revision = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/interventions/{id}/budget-years/2025?revision=1")).StatusCode);
        Assert.Equal(45, (await GetAsync($"/api/v1/interventions/{id}")).GetProperty("budgetYears")[0].GetProperty("plannedParticipants").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/interventions/{id}/budget-years/2025?revision=2")).StatusCode);
    }

    [EnvironmentFact]
    public async Task Monthly_counts_of_a_year_carry_their_revision_in_the_ETag()
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/interventions",
            new { name = "Öppen mottagning", kind = "IndividualFocused", measurementMethod = "CountsOnly" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var path = $"/api/v1/interventions/{id}/monthly-counts/2025";
        var read = await admin.GetAsync(path);
        Assert.Equal("\"0\"", read.Headers.ETag?.Tag);   // a year not yet saved is revision 0

        await FirstWinsAsync(admin.PutAsJsonAsync($"{path}?revision=0", new[] { new { month = 3, women = 4, men = 2, other = 0 } }),
            () => admin.PutAsJsonAsync($"{path}?revision=0", new[] { new { month = 3, women = 40, men = 20, other = 0 } }), "antal per månad");
        var now = await admin.GetAsync(path);
        Assert.Equal("\"1\"", now.Headers.ETag?.Tag);
        var months = await now.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, months[0].GetProperty("women").GetInt32());
        // A save that set every month to zero stores no month, and still moves the revision on.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{path}?revision=1", new[] { new { month = 3, women = 0, men = 0, other = 0 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"{path}?revision=1", new[] { new { month = 3, women = 1, men = 0, other = 0 } })).StatusCode);
        Assert.Equal("\"2\"", (await admin.GetAsync(path)).Headers.ETag?.Tag);
    }

    [EnvironmentFact]
    public async Task A_funding_year_and_its_administration_share_one_revision()
    {
        var path = $"/api/v1/associations/{association}/funding/2025";
        await FirstWinsAsync(admin.PutAsJsonAsync(path, new { total = 9_000_000, key = "equal", revision = 0 }),
            () => admin.PutAsJsonAsync(path, new { total = 1_000, key = "equal", revision = 0 }), "budgetår");
        var read = await GetAsync(path);
        Assert.Equal(9_000_000, read.GetProperty("total").GetInt64());
        var revision = read.GetProperty("revision").GetInt32();
        Assert.Equal(1, revision);

        // The administration figures are part of the same funding year: a change to them makes a stale key change fail.
        var administration = $"/api/v1/associations/{association}/budget/2025/administration";
        await FirstWinsAsync(admin.PutAsJsonAsync(administration, new { budget = 1_500_000, revision }),
            () => admin.PutAsJsonAsync(path, new { total = 9_400_000, key = "equal", revision }), "medlemsbidrag efter administration");
        Assert.Equal(9_000_000, (await GetAsync(path)).GetProperty("total").GetInt64());
        Assert.Equal(1_500_000m, await app.WithDbAsync(db => db.FundingYears.Where(f => f.AssociationId == association && f.Year == 2025).Select(f => f.AdministrationBudget).SingleAsync()));
    }

    [EnvironmentFact]
    public async Task Survey_round_periods_refuse_a_change_from_a_stale_revision()
    {
        var periods = await GetAsync($"/api/v1/survey-rounds/{round}/periods");
        var revision = periods.GetProperty("revision").GetInt32();
        await FirstWinsAsync(admin.PutAsJsonAsync($"/api/v1/survey-rounds/{round}/periods/chef", new { opensOn = "2025-03-01", closesOn = "2025-03-20", revision }),
            () => admin.PutAsJsonAsync($"/api/v1/survey-rounds/{round}/periods/chef", new { opensOn = "2025-04-01", closesOn = "2025-04-30", revision }), "svarsperiod");
        var now = await GetAsync($"/api/v1/survey-rounds/{round}/periods");
        Assert.Equal(revision + 1, now.GetProperty("revision").GetInt32());
        Assert.Equal("2025-03-20", now.GetProperty("periods")[0].GetProperty("closesOn").GetString());
        var listed = (await GetAsync($"/api/v1/associations/{association}/survey-rounds"))[0];
        Assert.Equal(revision + 1, listed.GetProperty("revision").GetInt32());
    }

    [EnvironmentFact]
    public async Task A_register_entry_keeps_the_first_exclusion_and_a_racing_write_on_it_is_refused()
    {
        var csv = "email;unit:municipality\r\nanna@gavle.se;Gävle\r\nbo@gavle.se;Gävle\r\n";
        var upload = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "register.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/survey-rounds/{round}/register:import", upload)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var distribution = scope.ServiceProvider.GetRequiredService<Distribution>();
            Assert.Empty(await distribution.ExcludeAsync(round, "anna@gavle.se", "tjänstledig"));
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var second = await scope.ServiceProvider.GetRequiredService<Distribution>().ExcludeAsync(round, "anna@gavle.se", "inte i målgruppen");
            Assert.Contains("är redan undantagen (skäl: tjänstledig)", Assert.Single(second).Message);
        }
        Assert.Equal("tjänstledig", await app.WithDbAsync(db => db.SurveyInvitations.Where(i => i.Email == "anna@gavle.se").Select(i => i.ExclusionReason).SingleAsync()));

        // Two writers hold the same register row: the one who saves second (here a new link) is refused by its revision.
        await using var stale = app.Services.CreateAsyncScope();
        var staleDb = stale.ServiceProvider.GetRequiredService<SamordnaDb>();
        var held = await staleDb.SurveyInvitations.SingleAsync(i => i.Email == "bo@gavle.se");
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<Distribution>().ExcludeAsync(round, "bo@gavle.se", "slutat"));
        held.TokenHash = new string('a', 64);
        held.Revision++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => staleDb.SaveChangesAsync());
        var bo = await app.WithDbAsync(db => db.SurveyInvitations.SingleAsync(i => i.Email == "bo@gavle.se"));
        Assert.Equal((true, null, "slutat"), (bo.Excluded, bo.TokenHash, bo.ExclusionReason));
    }
}

public sealed class SqliteConcurrencyApiTests() : ConcurrencyApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresConcurrencyApiTests() : ConcurrencyApiTests(DatabaseProvider.Postgres), INeedsPostgres;
