using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>The associations-and-money API over real HTTP, once per database.</summary>
public abstract class ApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected RunningApp App = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        App = await RunningApp.StartAsync(provider);
        await App.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        admin = App.Client(await App.TokenForAsync("admin@test.se"));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private static readonly string[] GavleborgMunicipalities = ["2101", "2104", "2121", "2132", "2161", "2180", "2181", "2182", "2183", "2184"];

    private async Task<int> CreateGavleborgAsync(string name = "Samordningsförbund Gävleborg")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name, organisationNumber = TestData.OrganisationNumber(), startDate = "2016-01-01", counties = new[] { "21" }, municipalities = GavleborgMunicipalities,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/associations/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    [EnvironmentFact]
    public async Task Creates_an_association_with_FK_AF_region_and_each_municipality_as_members()
    {
        var id = await CreateGavleborgAsync();

        var association = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{id}");

        Assert.Equal("Samordningsförbund Gävleborg", association.GetProperty("name").GetString());
        Assert.Equal("2016-01-01", association.GetProperty("startDate").GetString());
        var members = association.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(13, members.Count);
        Assert.Contains(members, m => m.GetProperty("name").GetString() == "Region Gävleborg" && m.GetProperty("kind").GetString() == "Region");
        Assert.Contains(members, m => m.GetProperty("name").GetString() == "Försäkringskassan");
        Assert.Contains(members, m => m.GetProperty("name").GetString() == "Arbetsförmedlingen");
        Assert.Equal(10, members.Count(m => m.GetProperty("kind").GetString() == "Municipality"));
    }

    [EnvironmentFact]
    public async Task Funding_year_is_split_and_stored_and_read_back_the_same()
    {
        var id = await CreateGavleborgAsync();
        var populations = GavleborgMunicipalities.ToDictionary(c => c, c => c == "2180" ? 96_000L : 16_000L);

        var put = await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new { total = 9_000_000, key = "population", populations });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var split = await put.Content.ReadFromJsonAsync<JsonElement>();

        // Hand calculation: municipal quarter 2,250,000 over 96,000 + 9 × 16,000 = 240,000 inhabitants.
        // Gävle 2,250,000 × 96/240 = 900,000; each other 150,000.
        var contributions = split.GetProperty("contributions").EnumerateArray().ToList();
        Assert.Equal(2017, split.GetProperty("year").GetInt32());
        Assert.Equal("population", split.GetProperty("key").GetString());
        Assert.Equal(4_500_000, Party(contributions, "Försäkringskassan"));
        Assert.Equal(0, Party(contributions, "Arbetsförmedlingen"));
        Assert.Equal(2_250_000, Party(contributions, "Region Gävleborg"));
        Assert.Equal(900_000, Code(contributions, "2180"));
        Assert.Equal(150_000, Code(contributions, "2101"));
        Assert.Equal(9_000_000, contributions.Sum(c => c.GetProperty("amount").GetInt64()));

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{id}/funding/2017");
        Assert.Equal(split.GetRawText(), read.GetRawText());
    }

    [EnvironmentFact]
    public async Task Bad_funding_gets_Swedish_problem_details_per_field_and_changes_nothing()
    {
        var id = await CreateGavleborgAsync();
        var good = await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new { total = 1_000_000, key = "equal" });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);

        var bad = await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new
        {
            total = 5_000_000, key = "custom", percentages = new Dictionary<string, decimal> { ["2180"] = 50, ["9999"] = 10 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Budgeten kunde inte fördelas", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("Okänd kommunkod", errors.GetProperty("percentages.9999")[0].GetString());
        Assert.Contains("Ockelbo", errors.GetProperty("percentages.2101")[0].GetString());

        var still = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{id}/funding/2017");
        Assert.Equal(1_000_000, still.GetProperty("total").GetInt64());
        Assert.Equal("equal", still.GetProperty("key").GetString());
    }

    [EnvironmentFact]
    public async Task Negative_total_and_wrong_types_are_named_in_Swedish()
    {
        var id = await CreateGavleborgAsync();

        var negative = await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new { total = -1, key = "equal" });
        var negativeProblem = await negative.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("negativt", negativeProblem.GetProperty("errors").GetProperty("total")[0].GetString());

        var wrongType = await admin.PutAsync($"/api/v1/associations/{id}/funding/2017",
            new StringContent("{\"total\": \"nio miljoner\", \"key\": \"equal\"}", System.Text.Encoding.UTF8, "application/json"));
        var wrongTypeProblem = await wrongType.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("total", wrongTypeProblem.GetProperty("errors").GetProperty("total")[0].GetString());
        Assert.DoesNotContain("at ", wrongTypeProblem.GetRawText()); // no stack trace

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/associations/{id}/funding/2017")).StatusCode);
    }

    [EnvironmentFact]
    public async Task Invalid_association_reports_every_field()
    {
        var response = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "", organisationNumber = "123", startDate = "1 januari", counties = new[] { "99" }, municipalities = new[] { "0000" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "organisationNumber", "startDate", "counties.99", "municipalities.0000" })
            Assert.True(errors.TryGetProperty(field, out _), $"fältet {field} saknas i {errors}");
        Assert.Equal(0, await App.WithDbAsync(db => db.Associations.CountAsync()));
    }

    [EnvironmentFact]
    public async Task Nulls_huge_percentages_wrong_regions_and_duplicates_are_refused_in_Swedish_never_with_500()
    {
        async Task<JsonElement> Errors(HttpResponseMessage r)
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        var nulls = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "X", organisationNumber = TestData.OrganisationNumber(), startDate = "2016-01-01", counties = new string?[] { null }, municipalities = new string?[] { null },
        });
        Assert.True((await Errors(nulls)).TryGetProperty("municipalities", out _));

        var wrongRegion = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "X", organisationNumber = TestData.OrganisationNumber(), startDate = "2016-01-01", counties = new[] { "21" }, municipalities = new[] { "2180", "0180" },
        });
        Assert.Contains("Stockholm", (await Errors(wrongRegion)).GetProperty("counties")[0].GetString());

        var gotland = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "Samordningsförbund Gotland", organisationNumber = TestData.OrganisationNumber(), startDate = "2010-01-01", counties = Array.Empty<string>(), municipalities = new[] { "0980" },
        });
        Assert.Equal(HttpStatusCode.Created, gotland.StatusCode);
        var gotlandId = (await gotland.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var split = await (await admin.PutAsJsonAsync($"/api/v1/associations/{gotlandId}/funding/2020", new { total = 1_000_000, key = "equal" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(500_000, Code(split.GetProperty("contributions").EnumerateArray().ToList(), "0980"));

        var id = await CreateGavleborgAsync();
        var huge = await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new
        {
            total = 1, key = "custom", percentages = new Dictionary<string, decimal> { ["2180"] = 79228162514264337593543950335m, ["2181"] = 79228162514264337593543950335m },
        });
        Assert.Contains("mellan 0 och 100", (await Errors(huge)).GetProperty("percentages.2180")[0].GetString());

        var organisationNumber = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{id}")).GetProperty("organisationNumber").GetString();
        var duplicate = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "Kopia", organisationNumber, startDate = "2016-01-01", counties = new[] { "21" }, municipalities = new[] { "2180" },
        });
        Assert.Contains("finns redan", (await Errors(duplicate)).GetProperty("organisationNumber")[0].GetString());
    }

    [EnvironmentFact]
    public async Task Removed_key_values_stay_in_the_association_audit_with_names_not_numbers()
    {
        var id = await CreateGavleborgAsync();
        var populations = GavleborgMunicipalities.ToDictionary(c => c, _ => 10_000L);
        await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new { total = 1_000_000, key = "population", populations });
        await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new { total = 1_000_000, key = "equal" });

        var rows = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{id}/audit")).EnumerateArray().ToList();
        Assert.Equal(10, rows.Count(r => r.GetProperty("entity").GetString() == "FundingKeyValue" && r.GetProperty("action").GetString() == "Borttagen"));
        var keyChange = rows.First(r => r.GetProperty("entity").GetString() == "FundingYear" && r.GetProperty("action").GetString() == "Ändrad");
        var key = JsonDocument.Parse(keyChange.GetProperty("changes").GetString()!).RootElement.GetProperty("Key");
        Assert.Equal("Population", key[0].GetString());
        Assert.Equal("Equal", key[1].GetString());
    }

    [EnvironmentFact]
    public async Task Board_member_sees_only_own_association_and_cannot_change_funding()
    {
        var own = await CreateGavleborgAsync("Eget förbund");
        var other = await CreateGavleborgAsync("Annat förbund");
        await App.CreateUserAsync("styrelse@test.se", Role.BoardMember, own);
        var board = App.Client(await App.TokenForAsync("styrelse@test.se"));

        var list = await board.GetFromJsonAsync<JsonElement>("/api/v1/associations");
        Assert.Equal(new[] { "Eget förbund" }, list.EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/api/v1/associations/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/api/v1/associations/{other}")).StatusCode);
        var put = await board.PutAsJsonAsync($"/api/v1/associations/{own}/funding/2017", new { total = 1, key = "equal" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("Behörighet saknas", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [EnvironmentFact]
    public async Task Every_write_is_audited_with_before_and_after()
    {
        var id = await CreateGavleborgAsync();
        await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new { total = 1_000_000, key = "equal" });
        await admin.PutAsJsonAsync($"/api/v1/associations/{id}/funding/2017", new { total = 2_000_000, key = "equal" });

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/associations/{id}/audit");
        var rows = audit.EnumerateArray().ToList();
        var change = rows.First(r => r.GetProperty("entity").GetString() == "FundingYear" && r.GetProperty("action").GetString() == "Ändrad");
        Assert.Equal("admin@test.se", change.GetProperty("actor").GetString());
        var total = JsonDocument.Parse(change.GetProperty("changes").GetString()!).RootElement.GetProperty("Total");
        Assert.Equal(1_000_000, total[0].GetInt64());
        Assert.Equal(2_000_000, total[1].GetInt64());
        Assert.Contains(rows, r => r.GetProperty("entity").GetString() == "MemberParty" && r.GetProperty("action").GetString() == "Skapad");

        var csv = await admin.GetAsync($"/api/v1/associations/{id}/audit?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Id;Tidpunkt (UTC);Vem;", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [EnvironmentFact]
    public async Task Health_answers_and_openapi_lists_the_api()
    {
        var anonymous = App.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var openApi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/associations/{associationId}/funding/{year}", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/associations")).StatusCode);
    }

    [EnvironmentFact]
    public async Task Revoked_tokens_stop_working_and_are_stored_only_as_hashes_and_tokens_cannot_make_tokens()
    {
        var secret = await App.TokenForAsync("admin@test.se");
        var client = App.Client(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.TokenHash == secret || t.Prefix == secret)));

        // A token cannot mint another token, so revoking a leaked one ends the leak.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "ny" })).StatusCode);

        var tokens = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        var id = tokens.EnumerateArray().Last().GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private static long Party(List<JsonElement> c, string party) => c.Single(x => x.GetProperty("party").GetString() == party).GetProperty("amount").GetInt64();
    private static long Code(List<JsonElement> c, string code) => c.Single(x => x.GetProperty("municipalityCode").GetString() == code).GetProperty("amount").GetInt64();
}

public sealed class SqliteApiTests() : ApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresApiTests() : ApiTests(DatabaseProvider.Postgres), INeedsPostgres;
