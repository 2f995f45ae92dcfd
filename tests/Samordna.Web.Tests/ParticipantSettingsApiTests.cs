using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Demo;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Configurable follow-ups, the association's own questions, revisions on participant records, counted participants.</summary>
public abstract class ParticipantSettingsApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient admin = null!, registrar = null!, board = null!, lead = null!;
    private int association, arena;
    private static string Day(int daysAgo) => DateOnly.FromDateTime(DateTime.Today).AddDays(-daysAgo).ToString("yyyy-MM-dd");

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider, false, "--Samordna:Participants:PurgeDaily=false");
        await app.CreateUserAsync("system@test.se", Role.SystemAdministrator);
        var system = app.Client(await app.TokenForAsync("system@test.se"));
        var created = await system.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "Samordningsförbundet Inställningar", organisationNumber = TestData.OrganisationNumber(), startDate = "2010-01-01",
            counties = new[] { "12" }, municipalities = new[] { "1286" },
        });
        association = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        foreach (var (email, role) in new[] { ("admin@test.se", Role.AssociationAdministrator), ("registrar@test.se", Role.ParticipantRegistrar),
                     ("board@test.se", Role.BoardMember), ("lead@test.se", Role.InterventionLead) })
            await app.CreateUserAsync(email, role, association);
        admin = app.Client(await app.TokenForAsync("admin@test.se"));
        registrar = app.Client(await app.TokenForAsync("registrar@test.se"));
        board = app.Client(await app.TokenForAsync("board@test.se"));
        lead = app.Client(await app.TokenForAsync("lead@test.se"));
        var response = await lead.PostAsJsonAsync($"/api/v1/associations/{association}/interventions", new { name = "Arena för arbete", kind = "IndividualFocused", measurementMethod = "PersonalData" });
        arena = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/interventions/{arena}/registrars", new { email = "registrar@test.se" })).StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<JsonElement> EnrolAsync(int n, string on, object? extra = null)
    {
        var response = await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes", new
        {
            enrolledOn = on, gender = n % 2 == 0 ? "kvinna" : "man", consentGiven = true, protectedIdentity = false, identityNumber = FictitiousIdentity.Number(600 + n),
            consent = new { givenOn = on, parties = new[] { "Försäkringskassan" }, purposes = new[] { "Uppföljning" } },
            measurement = new { point = "Enrolment", measuredOn = on, occupation = "JobSeeking", selfRatedHealth = 2, extraAnswers = extra },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, text);
        Assert.Contains("Någon annan har ändrat", text);
    }

    [EnvironmentFact]
    public async Task Follow_up_days_are_set_per_association_and_intervention_and_drive_the_due_list()
    {
        var defaults = await (await registrar.GetAsync($"/api/v1/interventions/{arena}/follow-up-settings")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((90, 30, 365, 60, "Default"), (defaults.GetProperty("firstDays").GetInt32(), defaults.GetProperty("firstWindowDays").GetInt32(),
            defaults.GetProperty("secondDays").GetInt32(), defaults.GetProperty("secondWindowDays").GetInt32(), defaults.GetProperty("source").GetString()));

        // Exited 180 days ago: with the defaults the first follow-up is missed, so nothing is due.
        var episode = (await EnrolAsync(1, Day(400))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{episode}/exit", new { exitedOn = Day(180), exitReason = "Work" })).StatusCode);
        Assert.Empty((await (await registrar.GetAsync($"/api/v1/interventions/{arena}/follow-ups")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        Assert.Contains("överlappar", (await ErrorsAsync(await lead.PutAsJsonAsync($"/api/v1/associations/{association}/follow-up-settings",
            new { firstDays = 180, firstWindowDays = 60, secondDays = 240, secondWindowDays = 30, revision = 0 })))["secondWindowDays"][0]);
        var saved = await lead.PutAsJsonAsync($"/api/v1/associations/{association}/follow-up-settings", new { firstDays = 180, firstWindowDays = 14, secondDays = 730, secondWindowDays = 30, revision = 0 });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(1, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
        // A second editor who read revision 0 is refused and nothing changes.
        await AssertConflictAsync(await admin.PutAsJsonAsync($"/api/v1/associations/{association}/follow-up-settings", new { firstDays = 60, firstWindowDays = 10, secondDays = 365, secondWindowDays = 60, revision = 0 }));
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PutAsJsonAsync($"/api/v1/associations/{association}/follow-up-settings", new { firstDays = 60, firstWindowDays = 10, secondDays = 365, secondWindowDays = 60 })).StatusCode);

        // The intervention follows the association: its 180-day follow-up is due now, in its window.
        var due = Assert.Single((await (await registrar.GetAsync($"/api/v1/interventions/{arena}/follow-ups")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(("FollowUp90", 180, Day(-14)), (due.GetProperty("point").GetString(), due.GetProperty("daysAfterExit").GetInt32(), due.GetProperty("windowTo").GetString()));

        // Its own plan overrides the association's: 365 days, so the first follow-up is not yet open and is refused.
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/interventions/{arena}/follow-up-settings", new { firstDays = 365, firstWindowDays = 30, secondDays = 730, secondWindowDays = 30 })).StatusCode);
        Assert.Empty((await (await registrar.GetAsync($"/api/v1/interventions/{arena}/follow-ups")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Contains("tidigast", (await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{episode}/measurements",
            new { point = "FollowUp90", measuredOn = Day(0), occupation = "Work" })))["measuredOn"][0]);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/v1/interventions/{arena}/follow-up-settings")).StatusCode);
        Assert.Equal("Association", (await (await registrar.GetAsync($"/api/v1/interventions/{arena}/follow-up-settings")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Created, (await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{episode}/measurements",
            new { point = "FollowUp90", measuredOn = Day(0), occupation = "Work" })).StatusCode);
    }

    [EnvironmentFact]
    public async Task Own_questions_are_checked_answered_corrected_with_history_and_counted_with_suppression()
    {
        var yesNo = await lead.PostAsJsonAsync($"/api/v1/associations/{association}/extra-questions", new { code = "eget_boende", wording = "Har deltagaren eget boende?", kind = "YesNo" });
        Assert.Equal(HttpStatusCode.Created, yesNo.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync($"/api/v1/associations/{association}/extra-questions",
            new { code = "notering", wording = "Kort notering", kind = "Text", maxLength = 40 })).StatusCode);
        Assert.Contains("redan en fråga", (await ErrorsAsync(await lead.PostAsJsonAsync($"/api/v1/associations/{association}/extra-questions",
            new { code = "eget_boende", wording = "Igen", kind = "YesNo" })))["code"][0]);

        var refused = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes", new
        {
            enrolledOn = Day(100), gender = "kvinna", consentGiven = true, protectedIdentity = false, identityNumber = FictitiousIdentity.Number(650),
            consent = new { givenOn = Day(100), parties = new[] { "Försäkringskassan" }, purposes = new[] { "Uppföljning" } },
            measurement = new { point = "Enrolment", measuredOn = Day(100), extraAnswers = new Dictionary<string, string> { ["eget_boende"] = "kanske", ["notering"] = "pnr 19900101-9812", ["skostorlek"] = "44" } },
        }));
        Assert.Contains("Ja eller Nej", refused["measurement.extraAnswers.eget_boende"][0]);
        Assert.Contains("personnummer", refused["measurement.extraAnswers.notering"][0]);
        Assert.Contains("ingen aktiv fråga", refused["measurement.extraAnswers.skostorlek"][0]);
        // Anonymous participants answer nothing: the measurement is refused as a whole.
        Assert.Contains("measurement", (await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes", new
        {
            enrolledOn = Day(100), gender = "man", age = 30, consentGiven = false, protectedIdentity = false,
            measurement = new { point = "Enrolment", measuredOn = Day(100), extraAnswers = new Dictionary<string, string> { ["eget_boende"] = "ja" } },
        }))).Keys);

        for (var i = 0; i < 12; i++) await EnrolAsync(i, Day(100), new Dictionary<string, string> { ["eget_boende"] = i < 9 ? "ja" : "NEJ" });
        var first = (await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Last().GetProperty("episode");
        var id = first.GetProperty("id").GetInt32();
        var detail = await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var measurement = detail.GetProperty("measurements")[0];
        Assert.Equal("Ja", measurement.GetProperty("extraAnswers").GetProperty("eget_boende").GetString());
        var corrected = await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/measurements/{measurement.GetProperty("id").GetInt32()}/corrections",
            new { measuredOn = Day(100), occupation = "JobSeeking", extraAnswers = new Dictionary<string, string> { ["eget_boende"] = "Nej" }, correctionNote = "Fel svar", revision = detail.GetProperty("episode").GetProperty("revision").GetInt32() });
        Assert.True(corrected.StatusCode == HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());
        var history = (await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("measurements").EnumerateArray().ToList();
        Assert.Equal(["Ja", "Nej"], history.Select(m => m.GetProperty("extraAnswers").GetProperty("eget_boende").GetString()));

        var report = await (await board.GetAsync($"/api/v1/associations/{association}/participant-report")).Content.ReadFromJsonAsync<JsonElement>();
        var table = Assert.Single(report.GetProperty("extraQuestions").EnumerateArray());
        Assert.Equal("eget_boende", table.GetProperty("code").GetString());
        var enrolment = table.GetProperty("table").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "Inskrivning");
        Assert.Equal(12, enrolment.GetProperty("total").GetInt32());
        // 8 yes and 4 no after the correction: the 4 is hidden, and so is the 8 it could be worked out from.
        Assert.Equal(JsonValueKind.Null, enrolment.GetProperty("cells")[1].GetProperty("count").ValueKind);
        Assert.Equal(JsonValueKind.Null, enrolment.GetProperty("cells")[0].GetProperty("count").ValueKind);
        Assert.Equal(5, report.GetProperty("healthTransition").GetProperty("categories").GetArrayLength());
    }

    [EnvironmentFact]
    public async Task A_stale_revision_is_a_conflict_and_nothing_is_overwritten()
    {
        var enrolled = await EnrolAsync(20, Day(50));
        var id = enrolled.GetProperty("id").GetInt32();
        var read = enrolled.GetProperty("revision").GetInt32();
        // One registrar exits the participant; another, with the page opened before, tries to exit or withdraw.
        Assert.Equal(HttpStatusCode.OK, (await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/exit", new { exitedOn = Day(1), exitReason = "Work", revision = read })).StatusCode);
        var now = (await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("episode");
        Assert.Equal(read + 1, now.GetProperty("revision").GetInt32());
        await AssertConflictAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/exit", new { exitedOn = Day(0), exitReason = "Studies", revision = read }));
        await AssertConflictAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/consent:withdraw", new { withdrawnOn = Day(0), revision = read }));
        Assert.Equal(Day(1), (await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("episode").GetProperty("exitedOn").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.EpisodeId == id && c.WithdrawnOn != null)));

        var participant = enrolled.GetProperty("participantId").GetInt32();
        var restricted = await registrar.PutAsJsonAsync($"/api/v1/associations/{association}/participants/{participant}/restriction", new { restricted = true, revision = 0 });
        Assert.True(restricted.StatusCode == HttpStatusCode.OK, await restricted.Content.ReadAsStringAsync());
        await AssertConflictAsync(await registrar.PutAsJsonAsync($"/api/v1/associations/{association}/participants/{participant}/restriction", new { restricted = false, revision = 0 }));
        Assert.True(await app.WithDbAsync(db => db.Participants.Where(p => p.Id == participant).Select(p => p.Restricted).SingleAsync()));

        var question = await (await lead.PostAsJsonAsync($"/api/v1/associations/{association}/extra-questions", new { code = "kontakt", wording = "Kontaktväg?", kind = "Choice", choices = new[] { "AF", "FK" } })).Content.ReadFromJsonAsync<JsonElement>();
        var qid = question.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/associations/{association}/extra-questions/{qid}", new { wording = "Hur kom deltagaren till insatsen?", kind = "Choice", choices = new[] { "AF", "FK", "Kommunen" }, revision = 1 })).StatusCode);
        await AssertConflictAsync(await admin.PutAsJsonAsync($"/api/v1/associations/{association}/extra-questions/{qid}", new { wording = "Annan lydelse", kind = "Choice", choices = new[] { "AF" }, revision = 1 }));
        Assert.Contains("kan inte ändras", (await ErrorsAsync(await lead.PutAsJsonAsync($"/api/v1/associations/{association}/extra-questions/{qid}",
            new { code = "nykod", wording = "x", kind = "Choice", choices = new[] { "AF", "FK" }, revision = 2 })))["code"][0]);
        Assert.Equal("Hur kom deltagaren till insatsen?", await app.WithDbAsync(db => db.ExtraQuestions.Where(q => q.Id == qid).Select(q => q.Wording).SingleAsync()));
    }

    [EnvironmentFact]
    public async Task Actual_participants_in_the_budget_are_counted_from_episodes()
    {
        var year = DateTime.Today.Year;
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/interventions/{arena}/budget-years/{year}",
            new { plannedParticipants = 10, actualParticipants = 99, lines = new[] { new { kind = "InterventionCost", budget = 300_000, outcome = 240_000 } } })).StatusCode);
        for (var i = 0; i < 3; i++) await EnrolAsync(30 + i, $"{year}-01-0{i + 2}");
        // The same person twice in the year counts once; a mistaken registration not at all.
        await EnrolAsync(30, $"{year}-01-05");
        var mistake = (await EnrolAsync(40, $"{year}-01-06")).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{mistake}/exit", new { exitedOn = $"{year}-01-06", exitReason = "RegisteredByMistake" })).StatusCode);

        var budget = (await (await lead.GetAsync($"/api/v1/interventions/{arena}/budget-years")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        Assert.Equal(3, budget.GetProperty("actualParticipants").GetInt32());
        Assert.Equal(80_000m, budget.GetProperty("costPerParticipant").GetDecimal());
        // What a PUT's actualParticipants sets, to send back in a read-modify-write, and where the 3 comes from.
        Assert.Equal(99, budget.GetProperty("typedActualParticipants").GetInt32());
        Assert.Equal("FollowUp", budget.GetProperty("participantSource").GetString());
        var saved = await (await lead.PutAsJsonAsync($"/api/v1/interventions/{arena}/budget-years/{year}",
            new { plannedParticipants = 10, actualParticipants = 99, lines = new[] { new { kind = "InterventionCost", budget = 300_000, outcome = 240_000 } }, revision = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, saved.GetProperty("actualParticipants").GetInt32()); // the PUT answers as the GET does
        Assert.Equal(99, saved.GetProperty("typedActualParticipants").GetInt32());

        // The budget page keeps the typed 99 in its field (a save must not make the counted 3 a typed count) and says which number counts.
        var session = app.Session();
        await session.LoginAsync("lead@test.se");
        var page = await session.GetStringAsync($"/Interventions/{arena}/Budget/{year}");
        Assert.Contains("value=\"99\"", page);
        Assert.Contains($"Räknas ur deltagarregistreringen: 3 deltagare {year}.", page);
    }
}

public sealed class SqliteParticipantSettingsApiTests() : ParticipantSettingsApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresParticipantSettingsApiTests() : ParticipantSettingsApiTests(DatabaseProvider.Postgres), INeedsPostgres;
