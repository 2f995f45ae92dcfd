using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>A coordinator runs a group's year in the browser and over the API; deviations refuse identity numbers; the directory survives turnover.</summary>
public abstract class StructuresTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private int association;
    private WebSession coordinator = null!;
    private HttpClient api = null!;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
            association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
                .HandleAsync(new("Höglandet", TestData.OrganisationNumber(), "2005-01-01", ["06"], ["0682"]))).Value!.Id;
        await app.CreateUserAsync("koordinator@test.se", Role.Coordinator, association);
        coordinator = app.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.LoginAsync("koordinator@test.se")).StatusCode);
        api = app.Client(await app.TokenForAsync("koordinator@test.se"));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private string Base => $"/Associations/{association}/Structures";

    [EnvironmentFact]
    public async Task A_coordinator_runs_a_groups_year_in_the_browser()
    {
        // A group with a majority rule, two members and a substitute linked to one of them.
        var created = await coordinator.PostFormAsync($"{Base}/Manage", [new("name", "Styrgrupp Samverk Nässjö"), new("kind", "LocalManagementGroup"),
            new("conveningRule", "Rotating"), new("plannedMeetingsPerYear", "4"), new("quorumRule", "MajorityOfSeats"), new("standingAgendaItems", "Nytt från parterna\nMålgruppen")],
            $"{Base}/Manage?handler=Group");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        var groupId = await app.WithDbAsync(db => db.CollaborationGroups.Where(g => g.Name == "Styrgrupp Samverk Nässjö").Select(g => g.Id).SingleAsync());
        foreach (var (name, party) in new[] { ("Anna Berg", "Försäkringskassan"), ("Lars Holm", "Arbetsförmedlingen"), ("Eva Lund", "Nässjö kommun") })
            Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(edit, [new("personName", name), new("party", party), new("role", "Member"), new("from", "2019-01-01")], edit + "?handler=Member")).StatusCode);
        var lars = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.PersonName == "Lars Holm").Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(edit, [new("personName", "Olle Strand"), new("party", "Arbetsförmedlingen"), new("role", "Substitute"), new("substituteForId", lars.ToString()), new("from", "2019-01-01")], edit + "?handler=Member")).StatusCode);

        // A meeting: the agenda starts with the standing items.
        var planned = await coordinator.PostFormAsync(edit, [new("startsAt", "2019-06-13T09:00"), new("durationMinutes", "120"), new("agenda", "Överenskommelsen")], edit + "?handler=Meeting");
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var meetingEdit = planned.Headers.Location!.OriginalString;
        var meetingId = await app.WithDbAsync(db => db.Meetings.Where(m => m.GroupId == groupId).Select(m => m.Id).SingleAsync());
        Assert.Equal("Nytt från parterna\nMålgruppen\nÖverenskommelsen", await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Agenda).SingleAsync()));

        // Only Anna present: 1 of 3 seats, not quorate. Then Lars's substitute comes too: 2 of 3, quorate.
        var ids = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == groupId).ToDictionaryAsync(m => m.PersonName, m => m.Id));
        var attendance = await coordinator.PostFormAsync(meetingEdit, [new($"attendance[{ids["Anna Berg"]}]", "Present"), new($"attendance[{ids["Lars Holm"]}]", "Absent"), new($"attendance[{ids["Eva Lund"]}]", "Absent"), new($"attendance[{ids["Olle Strand"]}]", "Absent")], meetingEdit + "?handler=Attendance");
        Assert.Equal(HttpStatusCode.Redirect, attendance.StatusCode);
        var meetingPage = await coordinator.GetStringAsync($"{Base}/Meetings/{meetingId}");
        Assert.Contains("1 av 3 ordinarie platser besatta, minst 2 krävs", meetingPage);
        Assert.Contains("1 av 3 ordinarie platser besatta, minst 2 krävs", meetingPage);
        await coordinator.PostFormAsync(meetingEdit, [new($"attendance[{ids["Anna Berg"]}]", "Present"), new($"attendance[{ids["Olle Strand"]}]", "Present")], meetingEdit + "?handler=Attendance");
        Assert.Contains("Beslutsför: 2 av 3", await coordinator.GetStringAsync($"{Base}/Meetings/{meetingId}"));

        // Minutes, a decision and an action item with owner and due date.
        await coordinator.PostFormAsync(meetingEdit, [new("agenda", "Nytt från parterna"), new("minutes", "Överenskommelsen reviderades.")], meetingEdit + "?handler=Minutes");
        await coordinator.PostFormAsync(meetingEdit, [new("decision", "Målgruppen ändras till 16–65 år.")], meetingEdit + "?handler=Decision");
        var missingOwner = await coordinator.PostFormAsync(meetingEdit, [new("actionText", "Skicka ut protokollet"), new("owner", "")], meetingEdit + "?handler=Action");
        Assert.Equal(HttpStatusCode.BadRequest, missingOwner.StatusCode);
        Assert.Contains("Fyll i ansvarig.", await missingOwner.Content.ReadAsStringAsync());
        await coordinator.PostFormAsync(meetingEdit, [new("actionText", "Skicka ut protokollet"), new("owner", "Anna Berg"), new("dueOn", "2019-06-20")], meetingEdit + "?handler=Action");
        var page = await coordinator.GetStringAsync($"{Base}/Meetings/{meetingId}");
        Assert.Contains("Överenskommelsen reviderades.", page);
        Assert.Contains("Målgruppen ändras till 16–65 år.", page);
        Assert.Contains("2019-06-20", page);

        // The group's year: 1 held of 4 planned, attendance 2 of 3; the overview says the same; the calendar has the meeting.
        var group = await coordinator.GetStringAsync($"{Base}/Groups/{groupId}?showYear=2019");
        Assert.Contains("1 genomförda av 4 planerade", group);
        Assert.Contains("närvaro 67", group);
        Assert.Contains("Skicka ut protokollet", group);
        var calendar = await coordinator.Http.GetAsync($"{Base}/Groups/{groupId}?handler=Calendar");
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType!.MediaType);
        Assert.Contains("DTSTART:20190613T070000Z", await calendar.Content.ReadAsStringAsync());
    }

    [EnvironmentFact]
    public async Task Turnover_keeps_the_seat_and_its_history_over_the_api()
    {
        var group = await api.PostAsJsonAsync($"/api/v1/associations/{association}/groups", new { name = "Styrelsen", kind = "Board", quorumRule = "EveryParty" });
        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        var groupId = (await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var members = $"/api/v1/associations/{association}/groups/{groupId}/members";
        var fk = await Id(await api.PostAsJsonAsync(members, new { personName = "Anna Berg", party = "FK", role = "Chair", hasDecisionMandate = true, from = "2018-01-01" }));
        var af = await Id(await api.PostAsJsonAsync(members, new { personName = "Lars Holm", party = "AF", role = "Member", hasDecisionMandate = true, from = "2018-01-01" }));
        var substitute = await Id(await api.PostAsJsonAsync(members, new { personName = "Olle Strand", party = "FK", role = "Substitute", substituteForId = fk, from = "2018-01-01" }));

        var bad = await api.PostAsJsonAsync($"{members}/{fk}/end", new { lastDay = "2017-12-31", successorName = "Karin Nyström" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("före första dagen", await bad.Content.ReadAsStringAsync());

        var ended = await api.PostAsJsonAsync($"{members}/{fk}/end", new { lastDay = "2019-03-31", successorName = "Karin Nyström" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var successor = (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("successorId").GetInt32();
        var rows = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == groupId).ToDictionaryAsync(m => m.Id));
        Assert.Equal((MemberRole.Chair, "FK", fk, new DateOnly(2019, 4, 1)), (rows[successor].Role, rows[successor].Party, rows[successor].PredecessorId!.Value, rows[successor].FromDate!.Value));
        Assert.Equal(successor, rows[substitute].SubstituteForId); // the substitute now stands in for the successor
        Assert.Equal(new DateOnly(2019, 3, 31), rows[fk].ToDate);

        // A meeting after the change: the successor's substitute fills FK's seat; AF absent, so every-party fails.
        var meeting = await Id(await api.PostAsJsonAsync($"/api/v1/associations/{association}/groups/{groupId}/meetings", new { startsAt = "2019-05-02T13:00:00" }));
        var held = await api.PutAsJsonAsync($"/api/v1/associations/{association}/meetings/{meeting}/attendance", new { attendance = new Dictionary<string, string> { [substitute.ToString()] = "Present", [af.ToString()] = "Absent" } });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var quorum = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("quorum");
        Assert.False(quorum.GetProperty("isQuorate").GetBoolean());
        Assert.Equal(["AF"], quorum.GetProperty("missingParties").EnumerateArray().Select(p => p.GetString()));
        var wrong = await api.PutAsJsonAsync($"/api/v1/associations/{association}/meetings/{meeting}/attendance", new { attendance = new Dictionary<string, string> { [fk.ToString()] = "Present" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode); // Anna had left before the meeting
        Assert.Contains($"attendance.{fk}", await wrong.Content.ReadAsStringAsync());

        var stats = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{association}/groups/{groupId}?year=2019"))!;
        Assert.Equal(1, stats.GetProperty("statistics").GetProperty("quorumFailures").GetInt32());
        Assert.Equal(1, stats.GetProperty("turnover").GetProperty("left").GetInt32());
        Assert.Equal(4, (await api.GetFromJsonAsync<JsonElement>(members)).GetArrayLength());
    }

    [EnvironmentFact]
    public async Task A_deviation_with_an_identity_number_is_refused_in_swedish_and_nothing_is_stored()
    {
        var path = $"/Associations/{association}/Deviations/New";
        var refused = await coordinator.PostFormAsync(path, [new("category", "Handover"), new("description", "Remissen för 19121212-1212 kom aldrig fram."), new("actors", "Arbetsförmedlingen, Kommunen"), new("recipient", "Koordinatorn")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("liknar ett personnummer eller samordningsnummer", body);
        Assert.Contains("href=\"#description\"", body);
        Assert.Equal(0, await app.WithDbAsync(db => db.CollaborationDeviations.CountAsync()));

        var saved = await coordinator.PostFormAsync(path, [new("category", "Handover"), new("description", "Remissen kom aldrig fram."), new("actors", "Arbetsförmedlingen, Kommunen"), new("recipient", "Koordinatorn"), new("reportedOn", "2019-04-02")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await coordinator.GetStringAsync($"/Associations/{association}/Deviations?showYear=2019");
        Assert.Contains("Överlämning mellan aktörer", list);
        Assert.Matches("Arbetsförmedlingen</th><td class=\"num\">1</td>", list);
    }

    [EnvironmentFact]
    public async Task An_agreement_near_its_end_is_flagged_and_the_directory_hides_personal_email_publicly()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var manage = $"{Base}/Manage";
        var agreement = await coordinator.PostFormAsync(manage, [new("title", "Samverk Aneby"), new("reminderDays", "90"), new("version.parties", "Kommunen, FK, AF, Regionen"),
            new("version.purpose", "Samordnad rehabilitering"), new("version.validFrom", today.AddYears(-1).ToString("yyyy-MM-dd")), new("version.validTo", today.AddDays(30).ToString("yyyy-MM-dd"))], manage + "?handler=Agreement");
        Assert.Equal(HttpStatusCode.Redirect, agreement.StatusCode);
        var overview = await coordinator.GetStringAsync(Base);
        Assert.Contains("Överenskommelser att förnya", overview);
        Assert.Contains("om 30 dagar", overview);

        var entry = await api.PostAsJsonAsync($"/api/v1/associations/{association}/directory", new
        {
            organisation = "Nässjö kommun", topic = "Ekonomiskt bistånd", roleTitle = "Enhetschef", roleEmail = "bistand@nassjo.example", isPublic = true,
            holderName = "Lars Hedlund", holderEmail = "lars.hedlund@nassjo.example", holderFrom = "2018-01-01",
        });
        var entryId = await Id(entry);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/associations/{association}/directory/{entryId}/holders", new { personName = "Maria Sjöberg", personalEmail = "maria@nassjo.example", from = "2019-09-01" })).StatusCode);

        var hits = await api.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{association}/directory?q=bistånd nässjö");
        Assert.Equal("Maria Sjöberg", hits[0].GetProperty("holderName").GetString());
        Assert.Equal(2, hits[0].GetProperty("history").GetArrayLength());
        Assert.Equal(new DateOnly(2019, 8, 31), await app.WithDbAsync(db => db.DirectoryHolders.Where(h => h.PersonName == "Lars Hedlund").Select(h => h.ToDate).SingleAsync()));

        var open = await app.Session().GetStringAsync($"/vagen-in/{association}");
        Assert.Contains("Maria Sjöberg", open);
        Assert.Contains("bistand@nassjo.example", open);
        Assert.DoesNotContain("maria@nassjo.example", open);
        Assert.DoesNotContain("Lars Hedlund", open);
    }

    private static async Task<int> Id(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}

public sealed class SqliteStructuresTests() : StructuresTests(DatabaseProvider.Sqlite);

public sealed class PostgresStructuresTests() : StructuresTests(DatabaseProvider.Postgres), INeedsPostgres;
