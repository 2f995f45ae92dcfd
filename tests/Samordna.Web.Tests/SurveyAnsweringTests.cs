using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Data;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Distribution and answering through personal links, as respondents and the office meet them.</summary>
public abstract partial class SurveyAnsweringTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient admin = null!;
    private int round;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(provider);
        await app.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        admin = app.Client(await app.TokenForAsync("admin@test.se"));
        (_, round) = await TestData.AssociationWithRoundAsync(admin, "Samordningsförbund Gävleborg", ["2180", "2181", "2101"], "gavleborg-2016-staff", "Ommätning 2019");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<HttpResponseMessage> UploadAsync(string path, string csv) =>
        await admin.PostAsync(path, new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "register.csv" } });

    /// <summary>Anna, alone in the register, has opened her link, answered the screening and chosen her municipalities.</summary>
    private async Task<(WebSession Session, string Link)> AnnaAtTheQuestionsAsync(params string[] municipalities)
    {
        await UploadAsync($"/api/v1/survey-rounds/{round}/register:import", "email\nanna@kommun.se\n");
        var link = (await LinksAsync())["anna@kommun.se"];
        var anna = app.Session();
        await anna.GetStringAsync(link);
        await anna.PostFormAsync(link, [new("step", "screening"), new("KONTAKT", "ja")]);
        await anna.PostFormAsync(link, [new("step", "units"), .. municipalities.Select(m => new KeyValuePair<string, string>("units", m))]);
        return (anna, link);
    }

    private async Task<Dictionary<string, string>> LinksAsync()
    {
        var csv = await (await admin.PostAsync($"/api/v1/survey-rounds/{round}/links", null)).Content.ReadAsStringAsync();
        return csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(';')).ToDictionary(p => p[0], p => new Uri(p[1]).AbsolutePath);
    }

    [EnvironmentFact]
    public async Task A_respondent_answers_once_per_municipality_and_the_link_works_once()
    {
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync($"/api/v1/survey-rounds/{round}/register:import",
            "email;unit:party;unit:municipality\nanna@kommun.se;Kommunen;Gävle\nper@fk.se;FK;Sandviken\nolle@af.se;AF;Gävle\n")).StatusCode);
        var links = await LinksAsync();
        Assert.Equal(3, links.Count);

        var anna = app.Session();
        var start = await anna.GetStringAsync(links["anna@kommun.se"]);
        Assert.Contains("name=\"KONTAKT\"", start);
        // The respondent sees the survey alone: no staff menu, no sign-in.
        Assert.DoesNotContain("href=\"/Admin\"", start);
        Assert.DoesNotContain("/Account/Login", start);
        var units = await anna.PostFormAsync(links["anna@kommun.se"], [new("step", "screening"), new("KONTAKT", "ja")]);
        Assert.Contains("I vilka kommuner arbetar du?", await units.Content.ReadAsStringAsync());
        var questions = await anna.PostFormAsync(links["anna@kommun.se"], [new("step", "units"), new("units", "Gävle"), new("units", "Sandviken")]);
        var form = await questions.Content.ReadAsStringAsync();
        Assert.Contains("name=\"P1/Gävle\"", form);
        Assert.Contains("name=\"P9/Sandviken\"", form);

        var done = await anna.PostFormAsync(links["anna@kommun.se"],
        [
            new("step", "questions"), new("submit", "true"), new("STRUKTUR", "ja"), new("FORMER", "sip"), new("FORMER", "teamtraff"),
            new("P1/Gävle", "5"), new("P1/Sandviken", "3"), new("P2/Gävle", "vet-ej"), new("P3/Gävle", "hackat-värde"),
        ]);
        Assert.Contains("Tack!", await done.Content.ReadAsStringAsync());

        var records = await app.WithDbAsync(db => db.SurveyRecords.Include(r => r.Units).Include(r => r.Answers).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.Single(records.Select(r => r.RespondentKey).Distinct());
        Assert.Equal(["Gävle", "Sandviken"], records.Select(r => r.Units.Single(u => u.Attribute == "municipality").Value).Order());
        // Only one person in the register is "Kommunen": an attribute shared by fewer than 5 is not copied (it would point at her).
        Assert.All(records, r => Assert.DoesNotContain(r.Units, u => u.Attribute == "party"));
        var gavle = records.Single(r => r.Units.Any(u => u.Value == "Gävle"));
        Assert.Equal("5", gavle.Answers.Single(a => a.ItemCode == "P1").Value);
        Assert.Equal("vet-ej", gavle.Answers.Single(a => a.ItemCode == "P2").Value);
        Assert.Null(gavle.Answers.Single(a => a.ItemCode == "P3").Value); // an invalid value is a blank, never stored
        Assert.Equal(["sip", "teamtraff"], gavle.Answers.Where(a => a.ItemCode == "FORMER").Select(a => a.Value).Order());
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now), gavle.SubmittedOn);

        var again = await app.Session().Http.GetAsync(links["anna@kommun.se"]);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("redan använd", await again.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyDrafts.CountAsync()));

        // Screening "Nej" ends the survey with one record holding only the screening answer.
        var per = app.Session();
        await per.GetStringAsync(links["per@fk.se"]);
        Assert.Contains("Tack!", await (await per.PostFormAsync(links["per@fk.se"], [new("step", "screening"), new("KONTAKT", "nej")])).Content.ReadAsStringAsync());
        var screened = await app.WithDbAsync(db => db.SurveyRecords.Include(r => r.Answers).OrderBy(r => r.Id).LastAsync());
        Assert.Equal(["KONTAKT"], screened.Answers.Select(a => a.ItemCode));

        var rates = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/response-rates");
        Assert.Equal(3, rates.GetProperty("invited").GetInt32());
        Assert.Equal(2, rates.GetProperty("answered").GetInt32());
        Assert.Equal(["Ockelbo"], rates.GetProperty("municipalitiesWithNobody").EnumerateArray().Select(m => m.GetString()!));

        // Results of a round answered through links wait until it has closed: no watching answers arrive one by one.
        var open = await admin.GetAsync($"/api/v1/survey-rounds/{round}/results");
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Contains("stängt", await open.Content.ReadAsStringAsync());
        var yesterday = DateOnly.FromDateTime(DateTime.Now.AddDays(-1)).ToString("yyyy-MM-dd");
        var session = app.Session();
        await session.LoginAsync("admin@test.se");
        await session.PostFormAsync($"/Surveys/{round}/Distribution", [new("closesOn", yesterday)], $"/Surveys/{round}/Distribution?handler=Dates");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/survey-rounds/{round}/results")).StatusCode);
    }

    [EnvironmentFact]
    public async Task A_step_saved_after_the_link_was_used_leaves_no_draft_behind()
    {
        var (anna, link) = await AnnaAtTheQuestionsAsync("Gävle");
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyDrafts.CountAsync()));
        Assert.Contains("Tack!", await (await anna.PostFormAsync(link, [new("step", "questions"), new("submit", "true"), new("P1/Gävle", "5")])).Content.ReadAsStringAsync());

        // A second tab's step that opened the link just before the submission claimed it, and saves just after.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnswerStore>().SaveDraftAsync(round, Distribution.Hash(link.Split('/').Last()), "{\"P1/Gävle\":\"5\"}");
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyDrafts.CountAsync()));
    }

    [EnvironmentFact]
    public async Task A_step_saved_while_the_submission_is_being_written_leaves_no_draft_behind()
    {
        var (_, link) = await AnnaAtTheQuestionsAsync("Gävle");
        var hash = Distribution.Hash(link.Split('/').Last());
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseConfiguration>();

        // The submission's transaction has claimed the link and removed the draft, and has not committed yet; on SQLite
        // it holds the write gate, as SubmitAsync does (on PostgreSQL the gate lets everyone through).
        var turn = await scope.ServiceProvider.GetRequiredService<SqliteWriteGate>().EnterAsync();
        await using var submission = await database.OpenConnectionAsync();
        await using var transaction = await submission.BeginTransactionAsync();
        await using (var claim = submission.CreateCommand())
        {
            claim.Transaction = transaction;
            claim.CommandText = $"""
                UPDATE "SurveyInvitations" SET "Answered" = TRUE, "TokenHash" = NULL WHERE "TokenHash" = '{hash}';
                DELETE FROM "SurveyDrafts" WHERE "TokenHash" = '{hash}';
                """;
            await claim.ExecuteNonQueryAsync();
        }
        var lateStep = scope.ServiceProvider.GetRequiredService<AnswerStore>().SaveDraftAsync(round, hash, "{\"P1/Gävle\":\"5\"}");
        await Task.Delay(300);
        Assert.False(lateStep.IsCompleted); // it waits for the submission
        await transaction.CommitAsync();
        turn.Dispose();
        await lateStep;
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyDrafts.CountAsync()));
    }

    [EnvironmentFact]
    public async Task Answers_saved_before_a_server_restart_are_still_there_and_submitted()
    {
        var (anna, link) = await AnnaAtTheQuestionsAsync("Gävle");
        await anna.PostFormAsync(link, [new("step", "questions"), new("P1/Gävle", "6"), new("STRUKTUR", "nej")]);

        await app.RestartAsync();

        var resumed = app.Session();
        var page = await resumed.GetStringAsync(link);
        Assert.Matches("name=\"P1/Gävle\" value=\"6\" checked", page);
        var done = await resumed.PostFormAsync(link, [new("step", "questions"), new("submit", "true"), new("P1/Gävle", "6"), new("STRUKTUR", "nej")]);
        Assert.Contains("Tack!", await done.Content.ReadAsStringAsync());
        Assert.Equal("6", await app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.ItemCode == "P1").Select(a => a.Value).SingleAsync()));
    }

    [EnvironmentFact]
    public async Task Register_errors_name_row_and_column_exclusions_leave_the_base_and_closed_rounds_refuse()
    {
        var bad = await UploadAsync($"/api/v1/survey-rounds/{round}/register:import", "email;unit:party\nanna@kommun.se;Kommunen\ninte-en-adress;FK\nanna@kommun.se;AF\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "email");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("message").GetString()!.Contains("rad 2"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync()));

        await UploadAsync($"/api/v1/survey-rounds/{round}/register:import", "email\nanna@kommun.se\nper@fk.se\n");
        var session = app.Session();
        await session.LoginAsync("admin@test.se");
        var excluded = await session.PostFormAsync($"/Surveys/{round}/Distribution", [new("email", "per@fk.se"), new("reason", "tjänstledig")], $"/Surveys/{round}/Distribution?handler=Exclude");
        Assert.Equal(HttpStatusCode.OK, excluded.StatusCode);
        var rates = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/response-rates");
        Assert.Equal(1, rates.GetProperty("invited").GetInt32());
        Assert.Equal(1, rates.GetProperty("excluded").GetInt32());

        var link = (await LinksAsync())["anna@kommun.se"];
        await session.PostFormAsync($"/Surveys/{round}/Distribution", [new("opensOn", "2020-01-01"), new("closesOn", "2020-01-31")], $"/Surveys/{round}/Distribution?handler=Dates");
        var closed = await app.Session().Http.GetAsync(link);
        Assert.Contains("stängde 2020-01-31", await closed.Content.ReadAsStringAsync());
    }

    [EnvironmentFact]
    public async Task A_period_changed_while_a_link_is_open_applies_at_once()
    {
        // The round's instrument and periods are kept in memory per round (AnsweringRounds); a change of the
        // period raises the round's revision, which every request reads, so the next page already obeys it.
        await UploadAsync($"/api/v1/survey-rounds/{round}/register:import", "email;kind\nchef@kommun.se;chef\n");
        var link = (await LinksAsync())["chef@kommun.se"];
        var respondent = app.Session();
        Assert.Contains("name=\"KONTAKT\"", await respondent.GetStringAsync(link));
        var closed = await admin.PutAsJsonAsync($"/api/v1/survey-rounds/{round}/periods/chef", new { opensOn = "2020-01-01", closesOn = "2020-02-01" });
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var refused = await respondent.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("stängde 2020-02-01", await refused.Content.ReadAsStringAsync());
        var reopened = await admin.PutAsJsonAsync($"/api/v1/survey-rounds/{round}/periods/chef", new { opensOn = (string?)null, closesOn = (string?)null });
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        Assert.Contains("name=\"KONTAKT\"", await respondent.GetStringAsync(link));
    }

    [EnvironmentFact]
    public async Task A_comment_with_an_identity_number_is_refused_kept_and_then_sent_without_it()
    {
        var (anna, link) = await AnnaAtTheQuestionsAsync("Gävle", "Sandviken");

        var refused = await anna.PostFormAsync(link, [new("step", "questions"), new("submit", "true"), new("P1/Gävle", "4"),
            new("comment:P1/Gävle", "Handläggaren för 19121212-1212 svarade aldrig"), new("comment:STRUKTUR", "Vi har en Mysamgrupp")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("personnummer", page);
        Assert.Contains("19121212-1212 svarade aldrig</textarea>", page); // nothing typed is lost
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyRecords.CountAsync()));

        var sent = await anna.PostFormAsync(link, [new("step", "questions"), new("submit", "true"), new("P1/Gävle", "4"),
            new("comment:P1/Gävle", "Handläggaren svarade aldrig"), new("comment:STRUKTUR", "Vi har en Mysamgrupp")]);
        Assert.Contains("Tack!", await sent.Content.ReadAsStringAsync());
        var comments = await app.WithDbAsync(db => db.SurveyComments.OrderBy(c => c.ItemCode).Select(c => c.ItemCode + ": " + c.Text).ToListAsync());
        Assert.Equal(["P1: Handläggaren svarade aldrig", "STRUKTUR: Vi har en Mysamgrupp"], comments); // the once-asked comment is kept once
    }

    [EnvironmentFact]
    public async Task Invitations_and_reminders_are_mailed_and_a_started_form_keeps_its_link()
    {
        await using var sink = new SmtpSink();
        await using var mailing = await RunningApp.StartAsync(DatabaseProvider.Sqlite, false,
            "--Samordna:Smtp:Host=127.0.0.1", $"--Samordna:Smtp:Port={sink.Port}", "--Samordna:Smtp:EnableSsl=false", "--Samordna:Smtp:From=kansliet@forbund.se");
        await mailing.CreateUserAsync("admin@test.se", Samordna.Core.Access.Role.SystemAdministrator);
        var client = mailing.Client(await mailing.TokenForAsync("admin@test.se"));
        var association = (await (await client.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "Förbundet", organisationNumber = TestData.OrganisationNumber(), startDate = "2016-01-01", counties = new[] { "21" }, municipalities = new[] { "2180" },
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var mailed = (await (await client.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument = "spindeln", name = "Spindeln 2026" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await client.PostAsync($"/api/v1/survey-rounds/{mailed}/register:import",
            new MultipartFormDataContent { { new ByteArrayContent("email\nanna@kommun.se\nper@fk.se\n"u8.ToArray()), "file", "register.csv" } });

        var sent = await client.PostAsync($"/api/v1/survey-rounds/{mailed}/invitations:send", null);
        Assert.Equal(2, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sent").GetInt32());
        Assert.Equal(["anna@kommun.se", "per@fk.se"], sink.Messages.Select(m => m.To).Order());
        // Quoted-printable wraps long lines with "=" at the end; the link is ASCII once they are joined.
        string LinkFor(string to, int nth) => Regex.Match(sink.Messages.Where(m => m.To == to).ElementAt(nth).Data.Replace("=\r\n", ""), @"/s/[A-Za-z0-9_-]+").Value;

        var anna = new WebSession(mailing.Address);
        var first = LinkFor("anna@kommun.se", 0);
        await anna.GetStringAsync(first);
        await anna.PostFormAsync(first, [new("step", "questions"), new("S1", "3")]);

        Assert.Equal(2, (await (await client.PostAsync($"/api/v1/survey-rounds/{mailed}/invitations:send?reminder=true", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sent").GetInt32());
        Assert.Equal(2, sink.Messages.Count(m => m.To == "anna@kommun.se"));
        // Anna has started: her reminder has no new link, and her own link still holds what she saved.
        Assert.Equal("", LinkFor("anna@kommun.se", 1));
        Assert.Matches("name=\"S1\" value=\"3\" checked", await new WebSession(mailing.Address).GetStringAsync(first));
        // Per had not started: his first link is replaced by the reminder's.
        Assert.Equal(HttpStatusCode.NotFound, (await new WebSession(mailing.Address).Http.GetAsync(LinkFor("per@fk.se", 0))).StatusCode);
        Assert.Contains("name=\"S1\"", await new WebSession(mailing.Address).GetStringAsync(LinkFor("per@fk.se", 1)));
    }

    [EnvironmentFact]
    public async Task Without_smtp_sending_is_refused_with_a_way_forward()
    {
        var response = await admin.PostAsync($"/api/v1/survey-rounds/{round}/invitations:send", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Samordna:Smtp:Host", await response.Content.ReadAsStringAsync());
    }

    [EnvironmentFact]
    public async Task Each_respondent_kind_has_its_own_period_and_its_answers_carry_the_kind()
    {
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync($"/api/v1/survey-rounds/{round}/register:import",
            "email;kind\nchef@kommun.se;chef\npersonal@kommun.se;personal\np2@kommun.se;personal\np3@kommun.se;personal\np4@kommun.se;personal\np5@kommun.se;personal\n")).StatusCode);
        var closed = await admin.PutAsJsonAsync($"/api/v1/survey-rounds/{round}/periods/chef", new { opensOn = "2020-01-01", closesOn = "2020-02-01" });
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var links = await LinksAsync();

        Assert.Contains("stängde 2020-02-01", await app.Session().GetStringAsync(links["chef@kommun.se"]));
        var staff = app.Session();
        await staff.GetStringAsync(links["personal@kommun.se"]);
        await staff.PostFormAsync(links["personal@kommun.se"], [new("step", "screening"), new("KONTAKT", "nej")]);
        var units = await app.WithDbAsync(db => db.SurveyRecordUnits.Select(u => u.Attribute + "=" + u.Value).ToListAsync());
        Assert.Equal(["respondent_kind=personal"], units);

        var rates = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey-rounds/{round}/response-rates");
        var byKind = rates.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("attribute").GetString() == "respondent_kind").ToList();
        Assert.Equal(2, byKind.Count);
    }

    [EnvironmentFact]
    public async Task A_register_value_is_copied_onto_the_answers_only_when_five_in_the_same_round_share_it()
    {
        // Five FK and five "personal" reach the threshold exactly; four AF and four "chef" do not, however many AF another round has.
        var register = new StringBuilder("email;kind;unit:party\n");
        for (var i = 0; i < 5; i++) register.Append($"fk{i}@fk.se;personal;FK\n");
        for (var i = 0; i < 4; i++) register.Append($"af{i}@af.se;chef;AF\n");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync($"/api/v1/survey-rounds/{round}/register:import", register.ToString())).StatusCode);
        var (_, other) = await TestData.AssociationWithRoundAsync(admin, "Annat förbund", ["2180"], "gavleborg-2016-staff", "Annan omgång");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync($"/api/v1/survey-rounds/{other}/register:import",
            "email;kind;unit:party\n" + string.Concat(Enumerable.Range(0, 5).Select(i => $"x{i}@af.se;chef;AF\n")))).StatusCode);
        var links = await LinksAsync();

        foreach (var email in new[] { "fk0@fk.se", "af0@af.se" })
        {
            var respondent = app.Session();
            await respondent.GetStringAsync(links[email]);
            Assert.Contains("Tack!", await (await respondent.PostFormAsync(links[email], [new("step", "screening"), new("KONTAKT", "nej")])).Content.ReadAsStringAsync());
        }
        var units = await app.WithDbAsync(db => db.SurveyRecords.Where(r => r.RoundId == round)
            .Select(r => r.Units.OrderBy(u => u.Attribute).Select(u => u.Attribute + "=" + u.Value).ToList()).ToListAsync());
        Assert.Equal(["", "party=FK,respondent_kind=personal"], units.Select(u => string.Join(",", u)).Order());
    }

    [EnvironmentFact]
    public async Task A_double_click_on_send_stores_the_answers_once()
    {
        var (anna, link) = await AnnaAtTheQuestionsAsync("Gävle");
        var page = await anna.GetStringAsync(link);
        var token = System.Net.WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        FormUrlEncodedContent Form() => new([new("__RequestVerificationToken", token), new("step", "questions"), new("submit", "true"), new("P1/Gävle", "2"), new("P1/Gävle", "5")]);

        var both = await Task.WhenAll(anna.Http.PostAsync(link, Form()), anna.Http.PostAsync(link, Form()));

        Assert.All(both, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, r.StatusCode.ToString()));
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyRecords.CountAsync()));
        // Two values posted for a single item: one answer is kept.
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.ItemCode == "P1")));
    }

    [EnvironmentFact]
    public async Task The_register_cannot_be_tied_to_answers()
    {
        var columns = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SurveyInvitation))!.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()));
        // Revision is a per-row counter (links, exclusion, the claim on answering): it orders nothing across people.
        Assert.Equal(["Answered", "Email", "Excluded", "ExclusionReason", "Id", "Kind", "Revision", "RoundId", "TokenHash"], columns);
        var foreignKeys = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SurveyRecord))!.GetForeignKeys().Select(f => f.PrincipalEntityType.ClrType.Name).ToList()));
        Assert.Equal(["SurveyRound"], foreignKeys);
    }
}

public sealed class SqliteSurveyAnsweringTests() : SurveyAnsweringTests(DatabaseProvider.Sqlite);

public sealed class PostgresSurveyAnsweringTests() : SurveyAnsweringTests(DatabaseProvider.Postgres), INeedsPostgres;
