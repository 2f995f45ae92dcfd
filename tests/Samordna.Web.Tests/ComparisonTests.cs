using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>
/// The comparisons (issue 7, item 3), the participants in the annual report and the CSV exports, over real HTTP:
/// common definitions, the participant report's suppression, and the opt-in that decides who is compared and who sees it.
/// </summary>
public abstract class ComparisonTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider);
        await app.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        admin = app.Client(await app.TokenForAsync("admin@test.se"));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<int> InterventionAsync(int association, string name, string method, object? budget2019 = null)
    {
        var created = await admin.PostAsJsonAsync($"/api/v1/associations/{association}/interventions",
            new { name, kind = method == "None" ? "Structural" : "IndividualFocused", measurementMethod = method, startDate = "2019-01-01" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        if (budget2019 is not null) Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/interventions/{id}/budget-years/2019", budget2019)).StatusCode);
        return id;
    }

    /// <summary>
    /// Participants with budget year 2019 straight into the tables (the registrar's flow has its own tests): the given
    /// occupations at exit, or still enrolled when null. Identity columns hold placeholders, never read here.
    /// </summary>
    private Task PeopleAsync(int association, int intervention, params Occupation?[] atExit) => app.WithDbAsync(async db =>
    {
        foreach (var occupation in atExit)
        {
            var participant = new Participant { AssociationId = association, IdentityCipher = "k1:test", IdentityLookup = Guid.NewGuid().ToString("N"), NameCipher = "k1:test" };
            db.Participants.Add(participant);
            var episode = new Episode
            {
                AssociationId = association, InterventionId = intervention, Participant = participant, EnrolledOn = new DateOnly(2019, 2, 1),
                ExitedOn = occupation is null ? null : new DateOnly(2019, 10, 1), ExitReason = occupation is null ? null : ExitReason.Other,
                Gender = Gender.Woman, AgeBand = "30–39 år", BudgetYear = 2019, CreatedBy = "test",
            };
            if (occupation is { } o)
                episode.Measurements.Add(new ParticipantMeasurement { Point = MeasurementPoint.Exit, Occupation = o, MeasuredOn = new DateOnly(2019, 10, 1), RecordedBy = "test" });
            db.Episodes.Add(episode);
        }
        await db.SaveChangesAsync();
        return true;
    });

    [EnvironmentFact]
    public async Task Interventions_side_by_side_follow_the_common_definitions_and_protect_what_is_said_about_few()
    {
        var association = await TestData.AssociationAsync(admin, "Samordningsförbund Jämför", ["2180"]);
        var arena = await InterventionAsync(association, "Arena", "PersonalData",
            new { actualParticipants = 10, lines = new[] { new { kind = "InterventionCost", budget = 600_000, outcome = 500_000 } } });
        var small = await InterventionAsync(association, "Liten", "PersonalData");
        var middle = await InterventionAsync(association, "Mellan", "PersonalData");
        var forum = await InterventionAsync(association, "Forum", "CountsOnly",
            new { actualParticipants = 20, lines = new[] { new { kind = "InterventionCost", budget = 500_000, outcome = 400_000 } } });
        await admin.PutAsJsonAsync($"/api/v1/interventions/{arena}/goals", new[]
            { new { description = "I arbete eller studier", target = 35, unit = "Percent", targetDate = "2020-12-31", result = 58.3, resultDate = "2019-12-31" } });
        // Arena: 12 exited, 7 in work or studies. Liten: 3 still enrolled (fewer than 5: hidden). Forum: typed count only.
        await PeopleAsync(association, arena, [.. Enumerable.Repeat<Occupation?>(Occupation.Work, 6), Occupation.Studies, .. Enumerable.Repeat<Occupation?>(Occupation.JobSeeking, 5)]);
        await PeopleAsync(association, small, null, null, null);
        // Mellan: 6 still enrolled. Shown, its 6 and Arena's 12 taken from the total 21 would give Liten's 3 back.
        await PeopleAsync(association, middle, null, null, null, null, null, null);

        var body = await (await admin.GetAsync($"/api/v1/associations/{association}/intervention-comparison?year=2019")).Content.ReadFromJsonAsync<JsonElement>();
        var rows = body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal("FollowUp", rows["Arena"].GetProperty("participantSource").GetString());
        Assert.Equal(12, rows["Arena"].GetProperty("participants").GetInt64());
        Assert.Equal(7, rows["Arena"].GetProperty("atExit").GetProperty("inWorkOrStudies").GetInt64());
        Assert.Equal(12, rows["Arena"].GetProperty("atExit").GetProperty("measured").GetInt64());
        Assert.Equal(58.3m, rows["Arena"].GetProperty("atExit").GetProperty("percent").GetDecimal());
        Assert.Equal(41_667m, rows["Arena"].GetProperty("costPerParticipant").GetDecimal());          // 500 000 / 12 counted, not the 10 typed (as the portfolio)
        Assert.Equal("Met", rows["Arena"].GetProperty("goals")[0].GetProperty("status").GetString());
        // The number of participants is exact, as in the portfolio the same readers see; what is said about them is protected.
        Assert.Equal(3, rows["Liten"].GetProperty("participants").GetInt64());
        Assert.Equal(6, rows["Mellan"].GetProperty("participants").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows["Liten"].GetProperty("atExit").GetProperty("percent").ValueKind);
        Assert.Equal("TypedCount", rows["Forum"].GetProperty("participantSource").GetString());
        Assert.Equal(20, rows["Forum"].GetProperty("participants").GetInt64());
        Assert.Equal(20_000m, rows["Forum"].GetProperty("costPerParticipant").GetDecimal());
        Assert.Equal(7, body.GetProperty("definitions").GetArrayLength());

        var session = app.Session();
        await app.CreateUserAsync("styrelse@test.se", Role.BoardMember, association);
        await session.LoginAsync("styrelse@test.se");
        var page = WebUtility.HtmlDecode(await session.Http.GetStringAsync($"/Associations/{association}/Comparisons/Interventions?budgetYear=2019"));
        Assert.Contains("Definitioner", page);
        Assert.Contains("58,3 % (7 av 12)", page);
        Assert.Contains("minst 35 % senast 2020-12-31, resultat 58,3 % (Uppnått)", page);

        var csv = await session.Http.GetByteArrayAsync($"/Associations/{association}/Comparisons/Interventions?handler=Csv&budgetYear=2019");
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.Contains("Arena;Individinriktad;", text);
        Assert.Contains(";12;Deltagaruppföljning;7;12;58,3;", text);
        // The count is exact in the file too; the file says why some other fields can be empty.
        Assert.Contains("Liten;Individinriktad;Idé;3;Deltagaruppföljning;", text);
        Assert.Contains("dolda för att skydda enskilda", text);
        var xlsx = await session.Http.GetByteArrayAsync($"/Associations/{association}/Comparisons/Interventions?handler=Xlsx&budgetYear=2019");
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(["Insatser", "Definitioner"], document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    [EnvironmentFact]
    public async Task The_annual_report_shows_the_years_participants_protected_in_page_export_and_api()
    {
        var association = await TestData.AssociationAsync(admin, "Samordningsförbund Året", ["2181"]);
        var arena = await InterventionAsync(association, "Arena", "PersonalData");
        await PeopleAsync(association, arena, [.. Enumerable.Repeat<Occupation?>(Occupation.Work, 8), .. Enumerable.Repeat<Occupation?>(Occupation.SickLeave, 2)]);

        var report = await (await admin.GetAsync($"/api/v1/associations/{association}/annual-report/2019")).Content.ReadFromJsonAsync<JsonElement>();
        var exit = report.GetProperty("participants").GetProperty("workOrStudiesAtExit");
        Assert.Equal(10, exit.GetProperty("all").GetProperty("total").GetInt64());
        // 2 not in work or studies is below 5: hidden, and so is the 8 it could be worked out from.
        Assert.All(exit.GetProperty("all").GetProperty("cells").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("count").ValueKind));

        var session = app.Session();
        await app.CreateUserAsync("ar@test.se", Role.BoardMember, association);
        await session.LoginAsync("ar@test.se");
        var page = WebUtility.HtmlDecode(await session.Http.GetStringAsync($"/Associations/{association}/AnnualReport/2019"));
        Assert.Contains("Deltagare och resultat", page);
        var csv = Encoding.UTF8.GetString((await session.Http.GetByteArrayAsync($"/Associations/{association}/AnnualReport/2019?handler=Csv"))[3..]);
        Assert.Contains("\r\nDeltagare\r\nTabell;Insats;Kategori;Antal;Procent;Insatsens totalt\r\n", csv);
        Assert.Contains("I arbete eller studier vid utskrivning;Arena;I arbete eller studier;;;10\r\n", csv);
        Assert.DoesNotContain(";8;", csv);
    }

    [EnvironmentFact]
    public async Task Participants_counted_from_episodes_replace_the_typed_count_in_the_annual_report_and_the_calculation_and_say_so()
    {
        var association = await TestData.AssociationAsync(admin, "Samordningsförbund Räknat", ["2184"]);
        var arena = await InterventionAsync(association, "Arena", "PersonalData",
            new { actualParticipants = 50, lines = new[] { new { kind = "InterventionCost", budget = 600_000, outcome = 500_000 } } });
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/interventions/{arena}/budget-years/2020",
            new { actualParticipants = 30, lines = new[] { new { kind = "InterventionCost", budget = 600_000, outcome = 550_000 } } })).StatusCode);
        var forum = await InterventionAsync(association, "Forum", "CountsOnly",
            new { actualParticipants = 20, lines = new[] { new { kind = "InterventionCost", budget = 500_000, outcome = 400_000 } } });
        // Six registered in 2019 (budget year 2019); none in 2020, so 2020 keeps its typed 30.
        await PeopleAsync(association, arena, [.. Enumerable.Repeat<Occupation?>(Occupation.Work, 4), null, null]);

        var report = await (await admin.GetAsync($"/api/v1/associations/{association}/annual-report/2019")).Content.ReadFromJsonAsync<JsonElement>();
        var lines = report.GetProperty("interventions").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(6, lines["Arena"].GetProperty("participants").GetInt32());
        Assert.Equal("FollowUp", lines["Arena"].GetProperty("participantSource").GetString());
        Assert.Equal(20, lines["Forum"].GetProperty("participants").GetInt32());
        Assert.Equal("TypedCount", lines["Forum"].GetProperty("participantSource").GetString());

        var calculation = await (await admin.GetAsync($"/api/v1/interventions/{arena}/socio-economic")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(36, calculation.GetProperty("input").GetProperty("participants").GetInt32());   // 6 counted in 2019 + 30 typed in 2020
        var years = calculation.GetProperty("participantYears").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(),
            y.GetProperty("participants").GetInt32(), y.GetProperty("source").GetString())).ToList();
        Assert.Equal([(2019, 6, "FollowUp"), (2020, 30, "TypedCount")], years);
        var typed = await (await admin.GetAsync($"/api/v1/interventions/{forum}/socio-economic")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(20, typed.GetProperty("input").GetProperty("participants").GetInt32());

        var session = app.Session();
        await app.CreateUserAsync("rakna@test.se", Role.BoardMember, association);
        await session.LoginAsync("rakna@test.se");
        var page = WebUtility.HtmlDecode(await session.Http.GetStringAsync($"/Associations/{association}/AnnualReport/2019"));
        Assert.Contains("<th scope=\"col\">Källa för deltagare</th>", page);
        Assert.Matches("<td class=\"num\">6</td>\\s*<td>Deltagaruppföljning</td>", page);
        var csv = Encoding.UTF8.GetString((await session.Http.GetByteArrayAsync($"/Associations/{association}/AnnualReport/2019?handler=Csv"))[3..]);
        Assert.Contains(";6;Deltagaruppföljning;", csv);
        Assert.Contains(";20;Registrerat antal;", csv);
        var form = WebUtility.HtmlDecode(await session.Http.GetStringAsync($"/Interventions/{arena}/SocioEconomic"));
        Assert.Contains("2019: 6 (deltagaruppföljning); 2020: 30 (registrerat antal)", form);
    }

    private async Task<int> RoundWithAnswersAsync(int association, int records)
    {
        var round = (await (await admin.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument = "gavleborg-2016-staff", name = "Personalenkät 2019" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var csv = new StringBuilder("record_id;P1\n");
        for (var i = 0; i < records; i++) csv.Append($"r{i};{(i % 3 == 0 ? "sällan" : "alltid")}\n");
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "svar.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/survey-rounds/{round}/answers:import", form)).StatusCode);
        return round;
    }

    [EnvironmentFact]
    public async Task Only_opted_in_associations_are_compared_and_only_their_people_see_it()
    {
        var inside = await TestData.AssociationAsync(admin, "Förbund Med", ["2182"]);
        var outside = await TestData.AssociationAsync(admin, "Förbund Utan", ["2183"]);
        await RoundWithAnswersAsync(inside, 12);
        await RoundWithAnswersAsync(outside, 3);
        await app.CreateUserAsync("med@test.se", Role.Analyst, inside);
        await app.CreateUserAsync("utan@test.se", Role.BoardMember, outside);
        var member = app.Client(await app.TokenForAsync("med@test.se"));
        var stranger = app.Client(await app.TokenForAsync("utan@test.se"));

        // Nobody has opted in: only the system administrator sees the (empty) comparison.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/association-comparison?year=2019")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/v1/associations/{inside}/comparison-opt-in", new { optedIn = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/associations/{inside}/comparison-opt-in", new { optedIn = true })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == nameof(ComparisonOptIn))));

        var comparison = await (await member.GetAsync("/api/v1/association-comparison?year=2019")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Förbund Med"], comparison.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("association").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/v1/association-comparison?year=2019")).StatusCode);
        var strangerPage = app.Session();
        await strangerPage.LoginAsync("utan@test.se");
        Assert.Contains("/Account/AccessDenied", (await strangerPage.Http.GetAsync("/Comparisons/Associations")).Headers.Location?.OriginalString);

        // The other one opts in; its three answers are never shown on their own.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/associations/{outside}/comparison-opt-in", new { optedIn = true })).StatusCode);
        var national = await (await stranger.GetAsync("/api/v1/association-comparison/measurement?instrument=gavleborg-2016-staff")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, national.GetProperty("associations").GetInt32());
        var p1 = national.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "P1").GetProperty("groups").EnumerateArray().ToList();
        Assert.DoesNotContain(p1, g => g.GetProperty("group").GetString() == "Förbund Utan");
        var all = p1.Single(g => g.GetProperty("group").GetString() == "Alla");
        Assert.Equal(15, all.GetProperty("n").GetInt64());
        // "Alltid" is the top step; records 0, 3, 6, 9 of the first and 0 of the second answered "sällan": 10 of 15 in the upper three.
        Assert.Equal(100.0 * 10 / 15, all.GetProperty("upperThreeShare").GetDouble(), 6);

        var page = WebUtility.HtmlDecode(await strangerPage.Http.GetStringAsync("/Comparisons/Associations?year=2019"));
        Assert.Contains("Samverkansmätning: nationellt sammanvägt", page);
        var csv = await strangerPage.Http.GetByteArrayAsync("/Comparisons/Associations?handler=Csv&year=2019&instrument=gavleborg-2016-staff:1");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("P1;Alla;15;15;", Encoding.UTF8.GetString(csv));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/associations/{outside}/comparison-opt-in", new { optedIn = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/v1/association-comparison?year=2019")).StatusCode);
    }
}

public sealed class SqliteComparisonTests() : ComparisonTests(DatabaseProvider.Sqlite);

public sealed class PostgresComparisonTests() : ComparisonTests(DatabaseProvider.Postgres), INeedsPostgres;
