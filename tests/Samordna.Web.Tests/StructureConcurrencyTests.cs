using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>
/// Optimistic concurrency on every editable structures record: two edits made from the same read revision; the
/// second is answered 409 with a Swedish message and the first one's data stays.
/// </summary>
public abstract class StructureConcurrencyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private int association;
    private HttpClient api = null!;
    private WebSession coordinator = null!;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
            association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
                .HandleAsync(new("Höglandet", TestData.OrganisationNumber(), "2005-01-01", ["06"], ["0685"]))).Value!.Id;
        await app.CreateUserAsync("koordinator@test.se", Role.Coordinator, association);
        api = app.Client(await app.TokenForAsync("koordinator@test.se"));
        coordinator = app.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.LoginAsync("koordinator@test.se")).StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private string A => $"/api/v1/associations/{association}";

    /// <summary>The first edit succeeds, the second (same read revision) is a 409 conflict in Swedish.</summary>
    private static async Task SecondLosesAsync(Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second)
    {
        var a = await first();
        Assert.True(a.IsSuccessStatusCode, await a.Content.ReadAsStringAsync());
        var b = await second();
        Assert.Equal(HttpStatusCode.Conflict, b.StatusCode);
        Assert.Contains("sedan du öppnade sidan", (await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static async Task<int> Id(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<int> GroupAsync() => await Id(await api.PostAsJsonAsync($"{A}/groups", new { name = "LSG Vetlanda", kind = "LocalManagementGroup" }));

    [EnvironmentFact]
    public async Task Group()
    {
        var id = await GroupAsync();
        var revision = (await api.GetFromJsonAsync<JsonElement>($"{A}/groups/{id}")).GetProperty("revision").GetInt32();
        await SecondLosesAsync(
            () => api.PutAsJsonAsync($"{A}/groups/{id}", new { name = "Styrgrupp Samverk Vetlanda", kind = "LocalManagementGroup", revision }),
            () => api.PutAsJsonAsync($"{A}/groups/{id}", new { name = "LSG Vetlanda (gammal)", kind = "LocalManagementGroup", revision }));
        Assert.Equal("Styrgrupp Samverk Vetlanda", (await api.GetFromJsonAsync<JsonElement>($"{A}/groups/{id}")).GetProperty("name").GetString());
    }

    [EnvironmentFact]
    public async Task Group_settings_in_the_browser_keep_what_was_typed()
    {
        var id = await GroupAsync();
        var edit = $"/Associations/{association}/Structures/Groups/{id}/Edit";
        var first = await coordinator.PostFormAsync(edit, [new("name", "Först sparad"), new("kind", "LocalManagementGroup"), new("revision", "0")], edit + "?handler=Settings");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await coordinator.PostFormAsync(edit, [new("name", "Sparad sedan"), new("kind", "LocalManagementGroup"), new("revision", "0")], edit + "?handler=Settings");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("Någon annan har ändrat gruppen sedan du öppnade sidan", page);
        Assert.Contains("value=\"Sparad sedan\"", page);
        Assert.Equal("Först sparad", await app.WithDbAsync(db => db.CollaborationGroups.Where(g => g.Id == id).Select(g => g.Name).SingleAsync()));
    }

    [EnvironmentFact]
    public async Task Member()
    {
        var group = await GroupAsync();
        var member = await Id(await api.PostAsJsonAsync($"{A}/groups/{group}/members", new { personName = "Anna Berg", party = "FK", role = "Member", from = "2018-01-01" }));
        await SecondLosesAsync(
            () => api.PostAsJsonAsync($"{A}/groups/{group}/members/{member}/end", new { lastDay = "2019-03-31", successorName = "Karin Nyström", revision = 0 }),
            () => api.PostAsJsonAsync($"{A}/groups/{group}/members/{member}/end", new { lastDay = "2019-06-30", successorName = "Lars Holm", revision = 0 }));
        Assert.Equal(new DateOnly(2019, 3, 31), await app.WithDbAsync(db => db.GroupMembers.Where(m => m.Id == member).Select(m => m.ToDate).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.GroupMembers.CountAsync(m => m.PersonName == "Lars Holm")));
    }

    [EnvironmentFact]
    public async Task Meeting()
    {
        var group = await GroupAsync();
        var meeting = await Id(await api.PostAsJsonAsync($"{A}/groups/{group}/meetings", new { startsAt = "2019-05-02T13:00:00" }));
        await SecondLosesAsync(
            () => api.PutAsJsonAsync($"{A}/meetings/{meeting}/minutes", new { minutes = "Överenskommelsen reviderades.", revision = 0 }),
            () => api.PutAsJsonAsync($"{A}/meetings/{meeting}/minutes", new { minutes = "Inget beslut.", revision = 0 }));
        Assert.Equal("Överenskommelsen reviderades.", (await api.GetFromJsonAsync<JsonElement>($"{A}/meetings/{meeting}")).GetProperty("minutes").GetString());
        // Cancelling from the same stale read is refused too.
        var cancel = await api.PostAsJsonAsync($"{A}/meetings/{meeting}/cancel", new { reason = "Sjukdom", revision = 0 });
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
    }

    [EnvironmentFact]
    public async Task Agreement()
    {
        var version = new { parties = "Kommunen, FK, AF, Regionen", purpose = "Samordnad rehabilitering", validFrom = "2019-01-01", validTo = "2022-12-31" };
        var id = await Id(await api.PostAsJsonAsync($"{A}/agreements", new { title = "Samverk Vetlanda", version }));
        await SecondLosesAsync(
            () => api.PostAsJsonAsync($"{A}/agreements/{id}/versions", new { version = version with { validTo = "2025-12-31" }, revision = 0 }),
            () => api.PostAsJsonAsync($"{A}/agreements/{id}/versions", new { version = version with { validTo = "2023-06-30" }, revision = 0 }));
        var versions = (await api.GetFromJsonAsync<JsonElement>($"{A}/agreements"))[0].GetProperty("versions");
        Assert.Equal(["2025-12-31", "2022-12-31"], versions.EnumerateArray().Select(v => v.GetProperty("validTo").GetString()));
    }

    [EnvironmentFact]
    public async Task Action_plan_report_in_the_browser()
    {
        var plan = await Id(await api.PostAsJsonAsync($"{A}/action-plans", new { title = "Handlingsplan Samverk Vetlanda" }));
        var activity = await Id(await api.PostAsJsonAsync($"{A}/action-plans/{plan}/activities", new { title = "Förbättra kontaktvägarna", year = 2019 }));
        var edit = $"/Associations/{association}/Structures/Plans/{plan}/Edit?period=2019H1";
        var action = $"/Associations/{association}/Structures/Plans/{plan}/Edit?handler=Report&period=2019H1";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(edit, [new($"status[{activity}]", "Ongoing"), new($"comment[{activity}]", "Första rapporten"), new("revision", "0")], action)).StatusCode);
        var second = await coordinator.PostFormAsync(edit, [new($"status[{activity}]", "Done"), new($"comment[{activity}]", "Andra rapporten"), new("revision", "0")], action);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Någon annan har ändrat handlingsplanen", await second.Content.ReadAsStringAsync());
        Assert.Equal("Första rapporten", await app.WithDbAsync(db => db.ActivityStatusReports.Where(r => r.ActivityId == activity).Select(r => r.Comment).SingleAsync()));
        // And over the API.
        var put = await api.PutAsJsonAsync($"{A}/action-plans/{plan}/reports/2019H1", new { statuses = new Dictionary<string, object> { [activity.ToString()] = new { status = "Done" } }, revision = 0 });
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
    }

    [EnvironmentFact]
    public async Task Coordinator_assignment_and_funding()
    {
        var id = await Id(await api.PostAsJsonAsync($"{A}/coordinators/assignments", new { municipalityCode = "0685", personName = "Koordinator Vetlanda", ftePercent = 50, from = "2016-08-01" }));
        await SecondLosesAsync(
            () => api.PutAsJsonAsync($"{A}/coordinators/assignments/{id}", new { municipalityCode = "0685", personName = "Koordinator Vetlanda", ftePercent = 50, from = "2016-08-01", to = "2019-07-31", revision = 0 }),
            () => api.PutAsJsonAsync($"{A}/coordinators/assignments/{id}", new { municipalityCode = "0685", personName = "Koordinator Vetlanda", ftePercent = 25, from = "2016-08-01", revision = 0 }));
        Assert.Equal(50m, await app.WithDbAsync(db => db.CoordinatorAssignments.Where(a => a.Id == id).Select(a => a.FtePercent).SingleAsync()));

        var created = await api.PutAsJsonAsync($"{A}/coordinators/funding", new { municipalityCode = "0685", year = 2018, cap = 300000 });
        var revision = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
        await SecondLosesAsync(
            () => api.PutAsJsonAsync($"{A}/coordinators/funding", new { municipalityCode = "0685", year = 2018, cap = 300000, actualCost = 287400, revision }),
            () => api.PutAsJsonAsync($"{A}/coordinators/funding", new { municipalityCode = "0685", year = 2018, cap = 250000, revision }));
        Assert.Equal(300000, await app.WithDbAsync(db => db.CoordinatorFundings.Select(f => f.Cap).SingleAsync()));
    }

    [EnvironmentFact]
    public async Task Directory_entry()
    {
        var entry = await Id(await api.PostAsJsonAsync($"{A}/directory", new { organisation = "Vetlanda kommun", topic = "Ekonomiskt bistånd", roleTitle = "Enhetschef", holderName = "Lars Hedlund", holderFrom = "2018-01-01" }));
        await SecondLosesAsync(
            () => api.PostAsJsonAsync($"{A}/directory/{entry}/holders", new { personName = "Maria Sjöberg", from = "2019-09-01", revision = 0 }),
            () => api.PostAsJsonAsync($"{A}/directory/{entry}/holders", new { personName = "Jonas Berg", from = "2019-10-01", revision = 0 }));
        Assert.Equal(["Lars Hedlund", "Maria Sjöberg"], await app.WithDbAsync(db => db.DirectoryHolders.Where(h => h.EntryId == entry).OrderBy(h => h.Id).Select(h => h.PersonName).ToListAsync()));
    }

    [EnvironmentFact]
    public async Task Deviation()
    {
        var id = await Id(await api.PostAsJsonAsync($"{A}/deviations", new { category = "Handover", description = "Remissen kom aldrig fram.", actors = new[] { "Arbetsförmedlingen" }, recipient = "Koordinatorn", reportedOn = "2019-04-02" }));
        await SecondLosesAsync(
            () => api.PutAsJsonAsync($"{A}/deviations/{id}", new { status = "Closed", actionTaken = "Rutin för kvittens införd.", revision = 0 }),
            () => api.PutAsJsonAsync($"{A}/deviations/{id}", new { status = "InProgress", revision = 0 }));
        Assert.Equal("Rutin för kvittens införd.", await app.WithDbAsync(db => db.CollaborationDeviations.Where(d => d.Id == id).Select(d => d.ActionTaken).SingleAsync()));
    }

    [EnvironmentFact]
    public async Task Document()
    {
        var form = new MultipartFormDataContent { { new StringContent("Mall för handlingsplan"), "title" }, { new StringContent("Arbetsgruppen"), "owner" }, { new StringContent("Mål och ansvar"), "text" } };
        var id = await Id(await api.PostAsync($"{A}/documents", form));
        await SecondLosesAsync(
            () => api.PutAsJsonAsync($"{A}/documents/{id}", new { kind = "ActionPlanTemplate", title = "Mall för handlingsplan", owner = "Samverkanskoordinatorn", revision = 0 }),
            () => api.PutAsJsonAsync($"{A}/documents/{id}", new { kind = "ActionPlanTemplate", title = "Mall för handlingsplan", owner = "Förbundschefen", revision = 0 }));
        var stale = await api.PostAsync($"{A}/documents/{id}/versions", new MultipartFormDataContent { { new StringContent("Ny text"), "text" }, { new StringContent("0"), "revision" } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Samverkanskoordinatorn", (await api.GetFromJsonAsync<JsonElement>($"{A}/documents/{id}")).GetProperty("owner").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.StructureDocumentVersions.CountAsync(v => v.DocumentId == id)));
    }

    [EnvironmentFact]
    public async Task Event()
    {
        var id = await Id(await api.PostAsJsonAsync($"{A}/events", new { kind = "BreakfastMeeting", title = "Frukostmöte", heldOn = "2019-09-12", organiser = "Koordinatorn" }));
        await SecondLosesAsync(
            () => api.PutAsJsonAsync($"{A}/events/{id}", new { kind = "BreakfastMeeting", title = "Frukostmöte", heldOn = "2019-09-12", organiser = "Koordinatorn",
                participants = new[] { new { party = "Försäkringskassan", count = 6 } }, revision = 0 }),
            () => api.PutAsJsonAsync($"{A}/events/{id}", new { kind = "BreakfastMeeting", title = "Frukostmöte", heldOn = "2019-09-19", organiser = "Koordinatorn", revision = 0 }));
        var read = await api.GetFromJsonAsync<JsonElement>($"{A}/events/{id}");
        Assert.Equal("2019-09-12", read.GetProperty("heldOn").GetString());
        Assert.Equal(6, read.GetProperty("total").GetInt32());
    }
}

public sealed class SqliteStructureConcurrencyTests() : StructureConcurrencyTests(DatabaseProvider.Sqlite);

public sealed class PostgresStructureConcurrencyTests() : StructureConcurrencyTests(DatabaseProvider.Postgres), INeedsPostgres;
