using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>
/// Multi-select items and collapsed categories in the results API, the page (chart and table) and the exports,
/// with the same suppression everywhere.
/// </summary>
public abstract class MultiAndCollapsedResultsTests(DatabaseProvider provider) : IAsyncLifetime
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
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<int> ImportedRoundAsync(string instrument, string csv)
    {
        var created = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument, name = instrument });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "svar.csv" } };
        var import = await admin.PostAsync($"/api/v1/survey-rounds/{round}/answers:import", form);
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        return round;
    }

    /// <summary>The page with entities decoded, Swedish number spaces plain and no white space between tags.</summary>
    private static string Tight(string html) =>
        System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(html), @">\s+<", "><").Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static JsonElement? Option(JsonElement group, string code) =>
        group.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code) is var o
            && o.GetProperty("count").ValueKind != JsonValueKind.Null ? o : null;

    [EnvironmentFact]
    public async Task Forms_of_collaboration_are_counted_per_record_with_small_cells_hidden_in_api_page_and_exports()
    {
        // Gävle 20 records: 3 chose "projekt" (hidden), all chose "sip"; Sandviken 20: 9 "projekt"; 4 Gävle records left it blank.
        var csv = new StringBuilder("record_id;unit:municipality;FORMER\n");
        for (var i = 0; i < 20; i++) csv.Append($"g{i};Gävle;{(i < 3 ? "sip|projekt" : "SIP-möte (samordnad individuell plan)")}\n");
        for (var i = 0; i < 20; i++) csv.Append($"s{i};Sandviken;{(i < 9 ? "projekt|sip|teamtraff" : "sip")}\n");
        for (var i = 0; i < 4; i++) csv.Append($"b{i};Gävle;\n");
        var round = await ImportedRoundAsync("gavleborg-2016-staff", csv.ToString());

        var all = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/results")).GetProperty("multiItems").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "FORMER").GetProperty("groups").EnumerateArray().Single();
        Assert.Equal((44, 40), (all.GetProperty("n").GetInt32(), all.GetProperty("validBase").GetInt32()));
        // 4 blanks are below the threshold of 5; the 0 "vet ej" goes too, since n − base − 0 would give the 4 back.
        Assert.Equal(JsonValueKind.Null, all.GetProperty("blank").ValueKind);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("nonSubstantive").ValueKind);
        Assert.Equal(40, Option(all, "sip")!.Value.GetProperty("count").GetInt32());
        Assert.Equal(12, Option(all, "projekt")!.Value.GetProperty("count").GetInt32());
        Assert.Equal(30.0, Option(all, "projekt")!.Value.GetProperty("percent").GetDouble(), 9);
        Assert.Equal(9, Option(all, "teamtraff")!.Value.GetProperty("count").GetInt32());

        var byMunicipality = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/results?by=municipality"))
            .GetProperty("multiItems")[0].GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        // Gävle's 3 is small, and Sandviken's 9 would give it away from the 12 in "Alla": both hidden.
        Assert.Null(Option(byMunicipality["Gävle"], "projekt"));
        Assert.Null(Option(byMunicipality["Sandviken"], "projekt"));
        Assert.Equal(20, Option(byMunicipality["Sandviken"], "sip")!.Value.GetProperty("count").GetInt32());
        // The single items are unchanged and the multi-select item is not among them.
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/results")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("code").GetString() == "FORMER");

        var session = app.Session();
        await session.LoginAsync("admin@test.se");
        var page = Tight(await session.GetStringAsync($"/Surveys/{round}/Results"));
        Assert.Contains("FORMER I vilka former sker din samverkan", page);
        Assert.Contains("aria-label=\"Andel som valt varje alternativ för FORMER", page);
        Assert.Contains("<th scope=\"row\">Gemensamt projekt</th><td class=\"num\">12 (30 %)</td>", page);
        var split = Tight(await session.GetStringAsync($"/Surveys/{round}/Results?by=municipality"));
        Assert.Contains("<th scope=\"row\">Gemensamt projekt</th><td class=\"num\">–</td><td class=\"num\">–</td>", split);

        var (table, errors) = Samordna.Core.Import.ImportTable.Read("resultat.xlsx", await session.Http.GetByteArrayAsync($"/Surveys/{round}/Results?handler=Xlsx&by=municipality"));
        Assert.Empty(errors);
        var projekt = table!.Rows.Select(r => r.Fields).Where(f => f[0] == "FORMER" && f[4] == "projekt").ToList();
        Assert.Equal(2, projekt.Count);
        Assert.All(projekt, f => Assert.Equal("", f[6]));
        Assert.Contains(table.Rows.Select(r => r.Fields), f => f[0] == "FORMER" && f[1] == "Sandviken" && f[4] == "sip" && f[6] == "20");
    }

    [EnvironmentFact]
    public async Task Collapsed_categories_are_shown_beside_the_full_scale()
    {
        // 36 answers to A1-FK: 6 Mycket ofta, 12 Ofta, 6 Ibland, 6 Sällan, 4 Aldrig, 2 blank.
        var answers = new[] { ("Mycket ofta", 6), ("Ofta", 12), ("Ibland", 6), ("Sällan", 6), ("Aldrig", 4), ("", 2) }.SelectMany(a => Enumerable.Repeat(a.Item1, a.Item2)).ToList();
        var csv = new StringBuilder("record_id;A1-FK\n");
        for (var i = 0; i < answers.Count; i++) csv.Append($"r{i};{answers[i]}\n");
        var round = await ImportedRoundAsync("partner-matrix", csv.ToString());

        var results = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/results");
        var full = results.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "A1-FK").GetProperty("groups")[0];
        // On the full scale "Aldrig" (4) is a small cell and hidden (with a complement) …
        Assert.Equal(JsonValueKind.Null, full.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("label").GetString() == "Aldrig").GetProperty("count").ValueKind);
        // … and so is "Sällan/Aldrig" beside it, since 10 − Sällan's 6 would give the 4 back; shown collapsed cells are sums of shown steps.
        var collapsed = results.GetProperty("collapsed").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "A1-FK").GetProperty("groups")[0];
        var cells = collapsed.GetProperty("categories").EnumerateArray()
            .ToDictionary(c => c.GetProperty("label").GetString()!, c => c.GetProperty("count").ValueKind == JsonValueKind.Null ? (long?)null : c.GetProperty("count").GetInt64());
        Assert.Equal(["Mycket ofta/Ofta", "Ibland", "Sällan/Aldrig"], cells.Keys);
        Assert.Null(cells["Sällan/Aldrig"]);
        Assert.Equal(18, cells["Mycket ofta/Ofta"]);
        Assert.Equal(100.0 * 18 / 34, collapsed.GetProperty("categories")[0].GetProperty("percent").GetDouble(), 9);

        var session = app.Session();
        await session.LoginAsync("admin@test.se");
        var page = Tight(await session.GetStringAsync($"/Surveys/{round}/Results"));
        Assert.Contains("A1-FK med sammanslagna svarsalternativ", page);
        Assert.Contains("aria-label=\"Andel Mycket ofta/Ofta per grupp för A1-FK", page);
        Assert.Contains("<caption>A1-FK: svar per grupp, sammanslagna (Mycket ofta/Ofta – Ibland – Sällan/Aldrig)</caption>", page);
        var text = await session.Http.GetStringAsync($"/Surveys/{round}/Results?handler=Csv");
        Assert.Contains("A1-FK (sammanslaget);Alla;36;34;5+4;Mycket ofta/Ofta;18;", text);
    }
}

public sealed class SqliteMultiAndCollapsedResultsTests() : MultiAndCollapsedResultsTests(DatabaseProvider.Sqlite);

public sealed class PostgresMultiAndCollapsedResultsTests() : MultiAndCollapsedResultsTests(DatabaseProvider.Postgres), INeedsPostgres;
