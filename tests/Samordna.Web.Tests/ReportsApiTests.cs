using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>The reports that exist so far: population, funding per inhabitant and the socio-economic calculation, over real HTTP.</summary>
public abstract class ReportsApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient admin = null!;
    private int association;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider);
        await app.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        admin = app.Client(await app.TokenForAsync("admin@test.se"));
        association = await TestData.AssociationAsync(admin, "Samordningsförbund Gävleborg", ["2180", "2181"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/associations/{association}/funding/2019", new { total = 1_000_000, key = "equal" })).StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task<HttpResponseMessage> UploadAsync(string csv) => admin.PostAsync("/api/v1/reference/population",
        new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "folkmangd.csv" } });

    [EnvironmentFact]
    public async Task Funding_per_inhabitant_needs_every_member_municipality_and_a_bad_file_imports_nothing()
    {
        var missing = await admin.GetAsync($"/api/v1/associations/{association}/funding/2019/per-inhabitant");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Gävle", await missing.Content.ReadAsStringAsync());

        var bad = await UploadAsync("kommunkod;år;folkmängd\n2180;2019;100000\n2181;2019;många\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.PopulationFigures.Count())));

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync("kommunkod;år;folkmängd\n2180;2019;100 000\nSandviken;2019;40000\n")).StatusCode);
        var result = await (await admin.GetAsync($"/api/v1/associations/{association}/funding/2019/per-inhabitant?benchmark=5")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7.14m, result.GetProperty("association").GetProperty("perInhabitant").GetDecimal());        // 1 000 000 / 140 000
        Assert.False(result.GetProperty("association").GetProperty("belowBenchmark").GetBoolean());
        var gavle = result.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("name").GetString()!.StartsWith("Gävle"));
        Assert.Equal(1.25m, gavle.GetProperty("perInhabitant").GetDecimal());                                    // 125 000 / 100 000
        Assert.True(gavle.GetProperty("belowBenchmark").GetBoolean());
    }

    [EnvironmentFact]
    public async Task The_annual_report_gathers_money_interventions_and_opens_in_excel()
    {
        var created = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/interventions", new { name = "Arbetsträning", kind = "IndividualFocused", measurementMethod = "PersonalData", startDate = "2019-02-01" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await admin.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", new { actualParticipants = 12, lines = new[] { new { kind = "InterventionCost", budget = 600_000, outcome = 450_000 } } });
        await admin.PutAsJsonAsync($"/api/v1/associations/{association}/budget/2019/administration", new { budget = 300_000, outcome = 280_000 });

        var report = await (await admin.GetAsync($"/api/v1/associations/{association}/annual-report/2019")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1_000_000, report.GetProperty("contributionsTotal").GetInt64());
        Assert.Equal(900_000m, report.GetProperty("budget").GetProperty("total").GetDecimal());
        Assert.Equal(100_000m, report.GetProperty("budget").GetProperty("unallocated").GetDecimal());
        var line = report.GetProperty("interventions").EnumerateArray().Single();
        Assert.Equal(0.75m, line.GetProperty("utilisation").GetDecimal());
        Assert.Equal(12, line.GetProperty("participants").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/associations/{association}/annual-report/1999")).StatusCode);

        var session = app.Session();
        await app.CreateUserAsync("styrelsen@test.se", Role.BoardMember, association);
        await session.LoginAsync("styrelsen@test.se");
        var xlsx = await session.Http.GetAsync($"/Associations/{association}/AnnualReport/2019?handler=Xlsx");
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheets = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Medlemsavgifter", "Budget", "Insatser", "Deltagare", "Samverkansmätning", "Samverkansgrupper"], sheets);
        var page = WebUtility.HtmlDecode(await session.Http.GetStringAsync($"/Associations/{association}/AnnualReport/2019"));
        Assert.Contains("Arbetsträning", page);
        Assert.Contains("75 %", page);
    }

    [EnvironmentFact]
    public async Task The_board_pack_shows_decisions_since_a_date_and_applications_waiting()
    {
        var created = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/interventions", new { name = "Ny ansökan", kind = "IndividualFocused", measurementMethod = "PersonalData" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/interventions/{id}/decisions", new { to = "Application", decidedOn = "2019-03-01", decidedBy = "Ystads kommun" })).StatusCode);

        var pack = await (await admin.GetAsync($"/api/v1/associations/{association}/board-pack?since=2019-02-01")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2019-02-01", pack.GetProperty("since").GetString());
        Assert.Equal("Application", pack.GetProperty("decisions")[0].GetProperty("to").GetString());
        Assert.Equal("Ny ansökan", pack.GetProperty("awaitingDecision")[0].GetProperty("what").GetString());
        var later = await (await admin.GetAsync($"/api/v1/associations/{association}/board-pack?since=2019-04-01")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, later.GetProperty("decisions").GetArrayLength());
    }

    [EnvironmentFact]
    public async Task The_socio_economic_calculation_starts_from_the_interventions_own_figures()
    {
        var created = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/interventions", new { name = "Arbetsträning", kind = "IndividualFocused", measurementMethod = "PersonalData" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await admin.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", new
            { actualParticipants = 197, lines = new[] { new { kind = "InterventionCost", budget = 6_500_000, outcome = 6_000_000 } } });

        var report = await (await admin.GetAsync($"/api/v1/interventions/{id}/socio-economic?horizonYears=1&discountRate=0")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(197, report.GetProperty("input").GetProperty("participants").GetInt32());
        Assert.Equal(28_565_000m, report.GetProperty("result").GetProperty("presentValueTotal").GetDecimal());  // 197 × 0.29 × 500 000
        Assert.Equal(22_565_000m, report.GetProperty("result").GetProperty("netOfCost").GetDecimal());
        Assert.True(report.GetProperty("sensitivity").GetArrayLength() > 10);

        var bad = await admin.GetAsync($"/api/v1/interventions/{id}/socio-economic?successRate=2&horizonYears=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("successRate", out _));
        Assert.True(errors.TryGetProperty("horizonYears", out _));

        var session = app.Session();
        await app.CreateUserAsync("styrelse@test.se", Role.BoardMember, association);
        await session.LoginAsync("styrelse@test.se");
        var page = await session.Http.GetAsync($"/Interventions/{id}/SocioEconomic?successRate=35&baselineRate=6&horizonYears=1&discountRate=0");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("28\u00a0565\u00a0000 kr", html);
        var typo = await session.Http.GetAsync($"/Interventions/{id}/SocioEconomic?successRate=trettio");
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("ingen procentsats", await typo.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteReportsApiTests() : ReportsApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresReportsApiTests() : ReportsApiTests(DatabaseProvider.Postgres), INeedsPostgres;
