using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>An intervention from idea to implemented over real HTTP, as an intervention lead would do it.</summary>
public abstract class InterventionApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient lead = null!;
    private int association;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider);
        await app.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        var admin = app.Client(await app.TokenForAsync("admin@test.se"));
        association = await TestData.AssociationAsync(admin, "Samordningsförbundet Sydöstra Skåne", ["1286", "1287", "1270"], "12");
        await app.CreateUserAsync("lead@test.se", Role.InterventionLead, association);
        lead = app.Client(await app.TokenForAsync("lead@test.se"));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<JsonElement> CreateAsync(string name = "Arena för arbete")
    {
        var response = await lead.PostAsJsonAsync($"/api/v1/associations/{association}/interventions", new
        {
            name, kind = "IndividualFocused", measurementMethod = "PersonalData", ownerParty = "Ystads kommun",
            targetAgeFrom = 18, targetAgeTo = 29, targetCriteria = "Unga som varken arbetar eller studerar",
            municipalityCodes = new[] { "1286" }, plannedEndDate = "2020-12-31", formerNames = new[] { "Arena Ystad" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> DecideAsync(int id, object decision) => lead.PostAsJsonAsync($"/api/v1/interventions/{id}/decisions", decision);

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [EnvironmentFact]
    public async Task From_idea_to_implemented_every_decision_is_traceable_and_kind_is_fixed_after_the_board()
    {
        var id = (await CreateAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/goals", new[]
            { new { description = "I arbete eller studier efter insatsen", target = 35, unit = "Percent", targetDate = "2020-12-31" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", new
            { plannedParticipants = 40, lines = new[] { new { kind = "InterventionCost", budget = 1_200_000 } } })).StatusCode);

        var tooEarly = await ErrorsAsync(await DecideAsync(id, new { to = "Decided", decidedOn = "2018-11-20", decidedBy = "Styrelsen", minutesReference = "§ 14" }));
        Assert.Contains("Från Idé kan insatsen gå till Ansökan, Förstudie, Avslagen", tooEarly["to"][0]);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(id, new { to = "Application", decidedOn = "2018-09-01", decidedBy = "Ystads kommun" })).StatusCode);
        var noMinutes = await ErrorsAsync(await DecideAsync(id, new { to = "Decided", decidedOn = "2018-11-20", decidedBy = "Styrelsen" }));
        Assert.Contains("protokollsreferens", noMinutes["minutesReference"][0]);

        var steps = new object[]
        {
            new { to = "Decided", decidedOn = "2018-11-20", decidedBy = "Styrelsen", minutesReference = "Styrelsen 2018-11-20 § 14" },
            new { to = "Running", decidedOn = "2019-01-07", decidedBy = "Projektledaren" },
            new { to = "Ended", decidedOn = "2020-12-31", decidedBy = "Styrgruppen" },
        };
        foreach (var step in steps) Assert.Equal(HttpStatusCode.OK, (await DecideAsync(id, step)).StatusCode);

        var decidedWarnings = await (await lead.GetAsync($"/api/v1/interventions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ended", decidedWarnings.GetProperty("status").GetString());
        Assert.Equal("2019-01-07", decidedWarnings.GetProperty("startDate").GetString());
        Assert.Equal("2020-12-31", decidedWarnings.GetProperty("actualEndDate").GetString());

        var changedKind = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}", new { name = "Arena för arbete", kind = "Structural", measurementMethod = "None" });
        Assert.Contains("låstes", (await ErrorsAsync(changedKind))["kind"][0]);

        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/implementation-plan", new
        {
            goals = "Arbetssättet tas över av arbetsmarknadsenheten", receivingUnit = "Arbetsmarknadsenheten", receivingParty = "Ystads kommun", status = "Adopted",
            milestones = new[] { new { title = "Beslut i nämnden", dueDate = "2020-10-01", doneDate = "2020-09-15" } },
        })).StatusCode);
        var implemented = await DecideAsync(id, new { to = "Implemented", decidedOn = "2021-01-15", decidedBy = "Ystads kommun", note = "Ingår i ordinarie verksamhet" });
        Assert.Equal(HttpStatusCode.OK, implemented.StatusCode);

        var history = await (await lead.GetAsync($"/api/v1/interventions/{id}/decisions")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Application", "Decided", "Running", "Ended", "Implemented"], history.EnumerateArray().Select(d => d.GetProperty("toStatus").GetString()));
        Assert.Equal("Styrelsen 2018-11-20 § 14", history[1].GetProperty("minutesReference").GetString());
        Assert.All(history.EnumerateArray(), d => Assert.Equal("lead@test.se", d.GetProperty("recordedBy").GetString()));

        var afterwards = await DecideAsync(id, new { to = "Running", decidedOn = "2021-02-01", decidedBy = "Styrelsen" });
        Assert.Contains("kan inte byta status", (await ErrorsAsync(afterwards))["to"][0]);
        var readiness = (await (await lead.GetAsync($"/api/v1/interventions/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readiness");
        Assert.All(readiness.EnumerateArray(), c => Assert.True(c.GetProperty("met").GetBoolean(), c.GetProperty("name").GetString()));
    }

    [EnvironmentFact]
    public async Task The_association_budget_is_its_interventions_own_money_plus_administration()
    {
        var id = (await CreateAsync()).GetProperty("id").GetInt32();
        await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", new
            { lines = new object[] { new { kind = "InterventionCost", budget = 2_000_000, outcome = 1_800_000 }, new { kind = "EsfCost", budget = 900_000 } } });
        var admin = app.Client(await app.TokenForAsync("admin@test.se"));
        var noFunding = await admin.PutAsJsonAsync($"/api/v1/associations/{association}/budget/2019/administration", new { budget = 800_000 });
        Assert.Contains("medlemsbidragen", (await ErrorsAsync(noFunding))["administrationBudget"][0]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/associations/{association}/funding/2019", new { total = 3_000_000, key = "equal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PutAsJsonAsync($"/api/v1/associations/{association}/budget/2019/administration", new { budget = 800_000 })).StatusCode);
        var saved = await admin.PutAsJsonAsync($"/api/v1/associations/{association}/budget/2019/administration", new { budget = 800_000, outcome = 750_000 });
        var summary = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2_800_000m, summary.GetProperty("total").GetDecimal());
        Assert.Equal(2_550_000m, summary.GetProperty("totalOutcome").GetDecimal());
        Assert.Equal(200_000m, summary.GetProperty("unallocated").GetDecimal());
    }

    [EnvironmentFact]
    public async Task Values_too_large_for_their_columns_or_null_lists_get_swedish_field_errors_not_500()
    {
        var id = (await CreateAsync()).GetProperty("id").GetInt32();
        var longOwner = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}", new { name = "Arena för arbete", kind = "IndividualFocused", measurementMethod = "PersonalData", ownerParty = new string('x', 300) });
        Assert.Contains("högst 200 tecken", (await ErrorsAsync(longOwner))["ownerParty"][0]);
        var huge = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", new { lines = new[] { new { kind = "InterventionCost", budget = 1e15 } } });
        Assert.Contains("högst", (await ErrorsAsync(huge))["budget"][0]);
        var nulls = await lead.PostAsJsonAsync($"/api/v1/interventions/{id}/theory-of-change", new { problem = "Problem", activities = new object?[] { null } });
        Assert.Equal(HttpStatusCode.OK, nulls.StatusCode);
        var nullRows = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/staff", new object?[] { null });
        Assert.Equal(HttpStatusCode.OK, nullRows.StatusCode);
        var identity = await DecideAsync(id, new { decidedOn = "2019-01-01", decidedBy = "Styrgruppen", note = "Deltagaren 811218-9876 avbröt" });
        Assert.Contains("personnummer", (await ErrorsAsync(identity))["note"][0]);
        var current = await (await lead.GetAsync($"/api/v1/interventions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ystads kommun", current.GetProperty("ownerParty").GetString());
        Assert.Equal(0, current.GetProperty("decisions").GetArrayLength());
    }

    [EnvironmentFact]
    public async Task A_stale_edit_is_refused_with_a_conflict_and_nothing_is_overwritten()
    {
        var created = await CreateAsync();
        var id = created.GetProperty("id").GetInt32();
        var revision = created.GetProperty("revision").GetInt32();
        var first = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}", new { name = "Arena för arbete", kind = "IndividualFocused", measurementMethod = "PersonalData", projectLead = "Första", revision });
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var second = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}", new { name = "Arena för arbete", kind = "IndividualFocused", measurementMethod = "PersonalData", projectLead = "Andra", revision });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("ändrats av någon annan", await second.Content.ReadAsStringAsync());
        var now = await (await lead.GetAsync($"/api/v1/interventions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Första", now.GetProperty("projectLead").GetString());
    }

    [EnvironmentFact]
    public async Task Budget_arithmetic_over_the_api_and_a_bad_line_changes_nothing()
    {
        var id = (await CreateAsync()).GetProperty("id").GetInt32();
        var saved = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", new
        {
            plannedParticipants = 40, actualParticipants = 35,
            lines = new object[] { new { kind = "InterventionCost", budget = 1_000_000, outcome = 910_000 }, new { kind = "EsfCost", budget = 400_000, outcome = 350_000 } },
        });
        var year = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1_400_000m, year.GetProperty("budget").GetDecimal());
        Assert.Equal(0.9m, year.GetProperty("utilisation").GetDecimal());
        Assert.Equal(36_000m, year.GetProperty("costPerParticipant").GetDecimal());

        var bad = await lead.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", new
        {
            lines = new object[] { new { kind = "InterventionCost", budget = 5 }, new { kind = "Lön", budget = 10 }, new { kind = "Other", budget = -1 } },
        });
        var errors = await ErrorsAsync(bad);
        Assert.Contains("Rad 2", errors["lines[1].kind"][0]);
        Assert.DoesNotContain("lines[0].budget", errors.Keys); // row 3's negative budget is never blamed on row 1
        var unchanged = await (await lead.GetAsync($"/api/v1/interventions/{id}/budget-years")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1_400_000m, unchanged[0].GetProperty("budget").GetDecimal());
    }

    [EnvironmentFact]
    public async Task The_theory_of_change_is_versioned_and_indicators_must_point_at_real_items()
    {
        var id = (await CreateAsync()).GetProperty("id").GetInt32();
        object Toc(string problem, string reference) => new
        {
            problem, resources = new[] { "Arbetskonsulent 100 %" },
            activities = new[] { new { text = "Praktik hos arbetsgivare", delivery = "Delivered" }, new { text = "Studiebesök", delivery = "NotDelivered" } },
            outcomes = new[] { new { code = "", text = "Samsyn", term = "Short", level = "Collaboration" }, new { code = "", text = "I arbete", term = "Long", level = "Participant" } },
            mechanisms = new[] { "Samlokalisering" },
            indicators = new[] { new { text = "Samsyn enligt Spindeln", outcomeCode = "E1", source = "SurveyItem", reference, target = 3 } },
            reviewDates = new[] { "2019-12-01" },
        };
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/interventions/{id}/theory-of-change", Toc("Första versionen", "spindeln:S1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/interventions/{id}/theory-of-change", Toc("Andra versionen", "spindeln:S2"))).StatusCode);
        var bad = await lead.PostAsJsonAsync($"/api/v1/interventions/{id}/theory-of-change", Toc("Tredje", "spindeln:S99"));
        Assert.Contains("spindeln:S99", (await ErrorsAsync(bad))["indicators[0].reference"][0]);

        var latest = await (await lead.GetAsync($"/api/v1/interventions/{id}/theory-of-change")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal("E2", latest.GetProperty("content").GetProperty("outcomes")[1].GetProperty("code").GetString());
        var first = await (await lead.GetAsync($"/api/v1/interventions/{id}/theory-of-change?version=1")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Första versionen", first.GetProperty("content").GetProperty("problem").GetString());
        var versions = await (await lead.GetAsync($"/api/v1/interventions/{id}/theory-of-change/versions")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, versions.GetArrayLength());
    }

    [EnvironmentFact]
    public async Task The_portfolio_filters_and_exports_to_xlsx()
    {
        var arena = (await CreateAsync()).GetProperty("id").GetInt32();
        var structural = await lead.PostAsJsonAsync($"/api/v1/associations/{association}/interventions", new
            { name = "Samverkansresurs", kind = "strukturövergripande", measurementMethod = "None", ownerParty = "Region Skåne", municipalityCodes = new[] { "1287" } });
        Assert.Equal(HttpStatusCode.Created, structural.StatusCode);
        await lead.PutAsJsonAsync($"/api/v1/interventions/{arena}/budget-years/2019", new { lines = new[] { new { kind = "InterventionCost", budget = 500_000, outcome = 300_000 } } });

        async Task<string[]> NamesAsync(string query) =>
            (await (await lead.GetAsync($"/api/v1/associations/{association}/interventions?{query}")).Content.ReadFromJsonAsync<JsonElement>())
                .EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Arena för arbete", "Samverkansresurs"], await NamesAsync("year=2019"));
        Assert.Equal(["Samverkansresurs"], await NamesAsync("kind=Structural"));
        Assert.Equal(["Arena för arbete"], await NamesAsync("party=ystads%20kommun"));
        Assert.Equal(["Samverkansresurs"], await NamesAsync("municipality=1287"));
        Assert.Empty(await NamesAsync("status=Running"));
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.GetAsync($"/api/v1/associations/{association}/interventions?status=klar")).StatusCode);

        var xlsx = await lead.GetAsync($"/api/v1/associations/{association}/interventions/portfolio.xlsx?year=2019");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("|", document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText));
        Assert.Contains("Arena för arbete", text);
        Assert.Contains("Strukturövergripande", text);
        Assert.Contains("60", text);
    }
}

public sealed class SqliteInterventionApiTests() : InterventionApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresInterventionApiTests() : InterventionApiTests(DatabaseProvider.Postgres), INeedsPostgres;
