using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Survey rounds over real HTTP: import raw answers, reproduce published tables, compare with the baseline.</summary>
public abstract class MeasurementApiTests(DatabaseProvider provider) : IAsyncLifetime
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

    private async Task<int> RoundAsync(string instrument, string name, int? baseline = null)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument, name, baselineRoundId = baseline });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<HttpResponseMessage> ImportAsync(int round, string csv, string fileName = "svar.csv")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]), "file", fileName } };
        return await admin.PostAsync($"/api/v1/survey-rounds/{round}/answers:import", form);
    }

    private static JsonElement Group(JsonElement results, string item, string group) =>
        results.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == item)
            .GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == group);

    private static long? Count(JsonElement group, string code)
    {
        var c = group.GetProperty("categories").EnumerateArray().Single(x => x.GetProperty("code").GetString() == code).GetProperty("count");
        return c.ValueKind == JsonValueKind.Null ? null : c.GetInt64();
    }

    [EnvironmentFact]
    public async Task Seed_004_table_2_from_an_imported_raw_file()
    {
        var round = await RoundAsync("gavleborg-2016-staff", "Baslinjemätning 2016");
        var csv = new StringBuilder("record_id;KONTAKT\n");
        for (var i = 0; i < 804; i++) csv.Append($"{i};{(i < 718 ? "Ja" : i < 801 ? "Nej" : "")}\n");

        var import = await ImportAsync(round, csv.ToString());
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        Assert.Equal(804, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        var results = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/results");
        var all = Group(results, "KONTAKT", "Alla");
        Assert.Equal(804, all.GetProperty("n").GetInt64());
        Assert.Equal(801, all.GetProperty("validBase").GetInt64());
        Assert.Equal(718, Count(all, "ja"));
        Assert.Equal(83, Count(all, "nej"));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("blank").ValueKind); // 3 is below the default threshold of 5
        Assert.Equal(100.0 * 718 / 801, all.GetProperty("categories")[1].GetProperty("percent").GetDouble(), 9);
        Assert.Equal("record", results.GetProperty("countedPer").GetString());
    }

    [EnvironmentFact]
    public async Task Seed_004_table_4_by_county_part_from_person_municipality_records()
    {
        var round = await RoundAsync("gavleborg-2016-staff", "Baslinjemätning 2016");
        (string Part, int Yes, int No)[] table4 = [("Norra Hälsingland", 66, 96), ("Södra Hälsingland", 69, 96), ("Västra Gästrikland", 81, 138), ("Gävle", 66, 149)];
        var csv = new StringBuilder("record_id,respondent_id,unit:county_part,KONTAKT,STRUKTUR\n");
        var record = 0;
        foreach (var (part, yes, no) in table4)
            for (var i = 0; i < yes + no; i++, record++)
                csv.Append($"r{record},p{record % 659},\"{part}\",Ja,{(i < yes ? "Ja" : "Nej")}\n");

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(round, csv.ToString())).StatusCode);
        var results = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/results?by=county_part");

        foreach (var (part, yes, no) in table4)
        {
            var g = Group(results, "STRUKTUR", part);
            Assert.Equal(yes, Count(g, "ja"));
            Assert.Equal(no, Count(g, "nej"));
            Assert.False(g.GetProperty("suppressed").GetBoolean());
        }
        Assert.Equal(761, results.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "STRUKTUR")
            .GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("n").GetInt64()));
    }

    [EnvironmentFact]
    public async Task County_parts_are_derived_from_municipalities_by_the_association_grouping()
    {
        var round = await RoundAsync("gavleborg-2016-staff", "Ommätning");
        var csv = new StringBuilder("record_id;unit:municipality;STRUKTUR\n");
        (string Municipality, int Yes, int No)[] rows = [("Hudiksvall", 40, 50), ("Ljusdal", 26, 46), ("Gävle", 66, 149), ("Okänd ort", 5, 5)];
        var record = 0;
        foreach (var (municipality, yes, no) in rows)
            for (var i = 0; i < yes + no; i++) csv.Append($"{record++};{municipality};{(i < yes ? "Ja" : "Nej")}\n");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(round, csv.ToString())).StatusCode);

        var grouping = await admin.PutAsJsonAsync($"/api/v1/associations/{association}/unit-groupings/county_part", new
        {
            source = "municipality",
            groups = new Dictionary<string, string[]> { ["Norra Hälsingland"] = ["Hudiksvall", "Nordanstig", "Ljusdal"], ["Gävle"] = ["Gävle"] },
        });
        Assert.Equal(HttpStatusCode.NoContent, grouping.StatusCode);

        var results = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/results?by=county_part");
        Assert.Equal(66, Count(Group(results, "STRUKTUR", "Norra Hälsingland"), "ja"));
        Assert.Equal(96, Count(Group(results, "STRUKTUR", "Norra Hälsingland"), "nej"));
        Assert.Equal(149, Count(Group(results, "STRUKTUR", "Gävle"), "nej"));
        Assert.Equal(10, Group(results, "STRUKTUR", "(uppgift saknas)").GetProperty("n").GetInt64());

        var twice = await admin.PutAsJsonAsync($"/api/v1/associations/{association}/unit-groupings/county_part", new
        {
            source = "municipality", groups = new Dictionary<string, string[]> { ["A"] = ["Gävle"], ["B"] = ["Gävle"] },
        });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }

    [EnvironmentFact]
    public async Task An_official_instrument_is_loaded_verbatim_and_then_locked()
    {
        const string v1 = """
            { "code": "nns-styrelse", "version": 1, "title": "NNS enkät till styrelseledamöter", "provenance": "NNS, Indikatorer för finansiell samordning (testfil)",
              "items": [ { "code": "B1", "stem": "I vilken utsträckning:", "scale": "extent6", "wording": "Har styrelsen en gemensam bild av förbundets uppdrag?" } ] }
            """;
        Task<HttpResponseMessage> Post(string json) => admin.PostAsync("/api/v1/instruments", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, (await Post(v1)).StatusCode);
        Assert.Equal(v1, await admin.GetStringAsync("/api/v1/instruments/nns-styrelse"));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument = "nns-styrelse", name = "Styrelsen 2026" })).StatusCode);

        var again = await Post(v1);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("högre versionsnummer", await again.Content.ReadAsStringAsync());

        var reworded = await Post(v1.Replace("\"version\": 1", "\"version\": 2").Replace("gemensam bild", "tydlig bild"));
        Assert.Equal(HttpStatusCode.BadRequest, reworded.StatusCode);
        Assert.Contains("låst", (await reworded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("items.B1")[0].GetString());

        var newItemVersion = v1.Replace("\"version\": 1, \"title\"", "\"version\": 2, \"title\"").Replace("\"code\": \"B1\",", "\"code\": \"B1\", \"version\": 2,").Replace("gemensam bild", "tydlig bild");
        Assert.Equal(HttpStatusCode.Created, (await Post(newItemVersion)).StatusCode);
    }

    [EnvironmentFact]
    public async Task Managers_and_staff_are_compared_on_the_items_they_share()
    {
        var managers = await RoundAsync("gavleborg-2016-mysam", "Mysam 2016");
        var staff = await RoundAsync("gavleborg-2016-staff", "Personal 2016");
        string Csv(string item, long[] counts) => $"record_id;{item}\n" + string.Concat(counts.SelectMany((n, step) =>
            Enumerable.Range(0, (int)n).Select(i => $"{step}-{i};{step + 1}\n")));
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(managers, Csv("M1", [5, 8, 15, 20, 12, 6]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(staff, Csv("P1", [5, 6, 10, 25, 18, 9]))).StatusCode);

        var comparison = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{staff}/comparison?with={managers}");
        var items = comparison.GetProperty("items").EnumerateArray().ToList();
        var p1 = items.Single(i => i.GetProperty("code").GetString() == "P1");
        Assert.Equal("M1", p1.GetProperty("baselineCode").GetString());
        Assert.Equal(0.6542836073910616, p1.GetProperty("groups")[0].GetProperty("chiSquare").GetProperty("p").GetDouble(), 1e-6);
        Assert.Equal(["P1", "P2", "P3"], items.Select(i => i.GetProperty("code").GetString()!).Order());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/survey-rounds/{staff}/comparison")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/survey-rounds/{staff}/comparison?with=999999")).StatusCode);
    }

    [EnvironmentFact]
    public async Task Exports_carry_the_same_hidden_cells_and_merged_small_groups_as_the_page()
    {
        var round = await RoundAsync("gavleborg-2016-staff", "Export");
        var csv = new StringBuilder("record_id;unit:municipality;STRUKTUR\n");
        for (var i = 0; i < 40; i++) csv.Append($"g{i};Gävle;{(i < 2 ? "Ja" : "Nej")}\n");
        for (var i = 0; i < 30; i++) csv.Append($"s{i};Sandviken;{(i < 15 ? "Ja" : "Nej")}\n");
        for (var i = 0; i < 3; i++) csv.Append($"o{i};Ockelbo;Ja\n");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(round, csv.ToString())).StatusCode);
        var session = app.Session();
        await session.LoginAsync("admin@test.se");

        var xlsx = await session.Http.GetByteArrayAsync($"/Surveys/{round}/Results?handler=Xlsx&by=municipality");
        var (table, errors) = Samordna.Core.Import.ImportTable.Read("resultat.xlsx", xlsx);
        Assert.Empty(errors);
        var rows = table!.Rows.Select(r => r.Fields).Where(f => f[0] == "STRUKTUR").ToList();
        // Ockelbo (3) is reported together with the smallest other group, never alone.
        Assert.DoesNotContain(rows, f => f[1] == "Ockelbo" || f[1] == "Sandviken");
        Assert.Contains(rows, f => f[1] == "Övriga (små grupper)" && f[2] == "33");
        // Gävle's 2 "Ja" is hidden in the workbook as on the page.
        Assert.Contains(rows, f => f[1] == "Gävle" && f[4] == "ja" && f[6] == "");

        var text = await session.Http.GetStringAsync($"/Surveys/{round}/Results?handler=Csv&by=municipality");
        Assert.Contains("STRUKTUR;Gävle;40;40;ja;Ja;;", text);
        Assert.DoesNotContain("Ockelbo", text);
    }

    [EnvironmentFact]
    public async Task A_bad_file_reports_row_and_column_and_imports_nothing()
    {
        var round = await RoundAsync("gavleborg-2016-staff", "Mätning");
        var response = await ImportAsync(round, "record_id;P1;P2\n1;ofta;ofta\n2;ofta;kanske\n3;ofta;\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("imported").GetInt32());
        var error = body.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("P2", error.GetProperty("column").GetString());
        Assert.Contains("kanske", error.GetProperty("message").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyRecords.CountAsync()));
    }

    [EnvironmentFact]
    public async Task Re_measurement_is_compared_with_its_baseline_with_reference_statistics()
    {
        var baseline = await RoundAsync("gavleborg-2016-staff", "Baslinje 2016");
        var current = await RoundAsync("gavleborg-2016-staff", "Ommätning 2019", baseline);
        // Every cell at least 5, so nothing is hidden at the default threshold and the tests are shown.
        long[] before = [5, 8, 15, 20, 12, 6], after = [5, 6, 10, 25, 18, 9];
        string Csv(long[] counts) => "record_id;unit:municipality;P1\n" + string.Concat(counts.SelectMany((n, step) =>
            Enumerable.Range(0, (int)n).Select(i => $"{step}-{i};Gävle;{step + 1}\n")));
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(baseline, Csv(before))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(current, Csv(after))).StatusCode);

        var comparison = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{current}/comparison?by=municipality");
        var p1 = comparison.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "P1")
            .GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "Gävle");

        // scipy 1.10.1: chi2_contingency(correction=False) statistic 3.2971136676616113, df 5, p 0.6542836073910616;
        // mannwhitneyu(method='asymptotic') U 2057.5, p 0.12829542570434874.
        Assert.Equal(3.2971136676616113, p1.GetProperty("chiSquare").GetProperty("statistic").GetDouble(), 1e-9);
        Assert.Equal(0.6542836073910616, p1.GetProperty("chiSquare").GetProperty("p").GetDouble(), 1e-6);
        Assert.Equal(5, p1.GetProperty("chiSquare").GetProperty("df").GetInt32());
        Assert.Equal(2057.5, p1.GetProperty("mannWhitney").GetProperty("u").GetDouble(), 1e-9);
        Assert.Equal(0.12829542570434874, p1.GetProperty("mannWhitney").GetProperty("p").GetDouble(), 1e-6);
        Assert.Equal(100.0 * 52 / 73 - 100.0 * 38 / 66, p1.GetProperty("upperThreeDiff").GetDouble(), 9);
        Assert.Equal(2, p1.GetProperty("ci95").GetArrayLength());
        Assert.Equal(66, p1.GetProperty("baseline").GetProperty("validBase").GetInt64());
    }

    [EnvironmentFact]
    public async Task Answers_cannot_be_linked_back_and_are_not_audited_row_by_row()
    {
        var round = await RoundAsync("spindeln", "Spindeln 2018");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(round, "record_id;respondent_id;S1;S2\nabc-123;anna@kommun.se;Bra;Mycket bra\n")).StatusCode);

        // Schema: the answer tables hold only these columns; nothing names an invitation, a person or a time of day.
        var columns = await app.WithDbAsync(async db =>
        {
            var model = db.Model;
            return new[] { typeof(SurveyRecord), typeof(SurveyRecordUnit), typeof(SurveyAnswer) }
                .Append(typeof(SurveyComment)).SelectMany(t => model.FindEntityType(t)!.GetProperties().Select(p => $"{t.Name}.{p.Name}:{p.ClrType.Name}")).Order().ToList();
        });
        Assert.Equal(new[]
        {
            "SurveyAnswer.Id:Int64", "SurveyAnswer.ItemCode:String", "SurveyAnswer.RecordId:Int64", "SurveyAnswer.Value:String",
            "SurveyComment.Id:Int64", "SurveyComment.ItemCode:String", "SurveyComment.RecordId:Int64", "SurveyComment.Text:String",
            "SurveyRecord.Id:Int64", "SurveyRecord.RespondentKey:String", "SurveyRecord.RoundId:Int32", "SurveyRecord.SubmittedOn:Nullable`1",
            "SurveyRecordUnit.Attribute:String", "SurveyRecordUnit.Id:Int64", "SurveyRecordUnit.RecordId:Int64", "SurveyRecordUnit.Value:String",
        }, columns);

        // Data: neither the file's record id nor the respondent's e-mail is stored anywhere.
        var stored = await app.WithDbAsync(async db => string.Join("|",
            (await db.SurveyRecords.ToListAsync()).Select(r => r.RespondentKey)
            .Concat(await db.SurveyAnswers.Select(a => a.Value).ToListAsync())
            .Concat(await db.SurveyRecordUnits.Select(u => u.Value).ToListAsync())
            .Concat(await db.AuditEntries.Select(a => a.Changes).ToListAsync())));
        Assert.DoesNotContain("abc-123", stored);
        Assert.DoesNotContain("anna@kommun.se", stored);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Entity + ":" + a.Action).ToListAsync());
        Assert.DoesNotContain(audited, a => a.StartsWith("SurveyRecord") || a.StartsWith("SurveyAnswer"));
        Assert.Contains("SurveyRound:Importerad", audited);
    }

    [EnvironmentFact]
    public async Task Coordinators_manage_rounds_board_members_read_results_and_other_associations_see_nothing()
    {
        var round = await RoundAsync("spindeln", "Spindeln 2018");
        await app.CreateUserAsync("koordinator@test.se", Role.Coordinator, association);
        await app.CreateUserAsync("styrelse@test.se", Role.BoardMember, association);
        var coordinator = app.Client(await app.TokenForAsync("koordinator@test.se"));
        var board = app.Client(await app.TokenForAsync("styrelse@test.se"));

        var created = await coordinator.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument = "spindeln", name = "Ommätning", baselineRoundId = round });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument = "spindeln", name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/api/v1/survey-rounds/{round}/results")).StatusCode);

        var other = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "Annat förbund", organisationNumber = TestData.OrganisationNumber(), startDate = "2016-01-01", counties = new[] { "07" }, municipalities = new[] { "0780" },
        });
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var otherRound = (await (await admin.PostAsJsonAsync($"/api/v1/associations/{otherId}/survey-rounds", new { instrument = "spindeln", name = "Deras" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/api/v1/survey-rounds/{otherRound}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/v1/survey-rounds/999999/results")).StatusCode);

        var wrongBaseline = await coordinator.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument = "spindeln", name = "x", baselineRoundId = otherRound });
        Assert.Equal(HttpStatusCode.BadRequest, wrongBaseline.StatusCode);
    }
}

public sealed class SqliteMeasurementApiTests() : MeasurementApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementApiTests() : MeasurementApiTests(DatabaseProvider.Postgres), INeedsPostgres;
