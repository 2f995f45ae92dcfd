using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Demo;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>The registrar's flow in the browser pages (enrol, measure, correct, exit, withdraw), and what others see of it.</summary>
public abstract partial class ParticipantPagesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private WebSession registrar = null!, admin = null!, board = null!;
    private int association, intervention;

    public async Task InitializeAsync()
    {
        // The daily retention run would race the tests that purge on purpose.
        app = await RunningApp.StartAsync(provider, false, "--Samordna:Participants:PurgeDaily=false");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
                .HandleAsync(new("Samordningsförbundet Test", TestData.OrganisationNumber(), "2016-01-01", ["12"], ["1286", "1291"]))).Value!.Id;
            intervention = (await scope.ServiceProvider.GetRequiredService<SaveIntervention>()
                .CreateAsync(association, new("Arena för arbete", "IndividualFocused", "PersonalData")))!.Value!.Id;
        }
        foreach (var (email, role) in new[] { ("registrar@test.se", Role.ParticipantRegistrar), ("admin@test.se", Role.AssociationAdministrator), ("board@test.se", Role.BoardMember), ("annan@test.se", Role.ParticipantRegistrar) })
            await app.CreateUserAsync(email, role, association);
        (registrar, admin, board) = (app.Session(), app.Session(), app.Session());
        foreach (var (session, email) in new[] { (registrar, "registrar@test.se"), (admin, "admin@test.se"), (board, "board@test.se") })
            Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email)).StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [EnvironmentFact]
    public async Task A_registrar_enrols_measures_corrects_and_exits_a_participant_in_the_browser()
    {
        // Before the administrator assigns the registrar, the intervention's participants are closed to them.
        var refused = await registrar.Http.GetAsync($"/Interventions/{intervention}/Participants");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString);
        await PostAsync(admin, $"/Interventions/{intervention}/Registrars?handler=Assign", HttpStatusCode.Redirect, ("email", "registrar@test.se"));
        Assert.Contains("registrar@test.se", await TextAsync(admin, $"/Interventions/{intervention}/Registrars"));
        Assert.Contains("Arena för arbete", await TextAsync(registrar, "/Participants"));

        var number = FictitiousIdentity.Number(500);
        // A mistake first: anonymous, yet a name was typed. Nothing is saved and the form keeps what was typed.
        var mistake = await PostAsync(registrar, $"/Interventions/{intervention}/Participants/Enrol", HttpStatusCode.BadRequest,
            ("consentGiven", "nej"), ("protectedIdentity", "nej"), ("identityNumber", ""), ("participantName", "Karin Sparad"), ("gender", "kvinna"),
            ("age", "33"), ("enrolledOn", "2024-03-01"));
        Assert.Contains("registreras anonymt: namn får inte anges", mistake);
        Assert.Contains("href=\"#participantName\"", mistake);
        Assert.Contains("value=\"Karin Sparad\"", mistake);
        Assert.Equal(0, await app.WithDbAsync(db => db.Episodes.CountAsync()));

        var enrolled = await registrar.PostFormAsync($"/Interventions/{intervention}/Participants/Enrol", Form(
            ("consentGiven", "ja"), ("protectedIdentity", "nej"), ("identityNumber", number), ("participantName", "Karin Sparad"), ("gender", "kvinna"),
            ("age", ""), ("municipalityCode", "1286"), ("enrolledOn", "2024-03-01"), ("consent.givenOn", "2024-03-01"),
            ("consent.parties", "Försäkringskassan\nYstads kommun"), ("consent.purposes", "Uppföljning av insatsen"),
            ("measurement.incomeSources", "SocialAssistance"), ("measurement.incomeSources", "ActivityCompensation"), ("measurement.occupation", "JobSeeking"),
            ("measurement.education", "UpperSecondary"), ("measurement.monthsOnSupport", "26"), ("measurement.selfRatedHealth", "2")));
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var episodePath = enrolled.Headers.Location!.OriginalString.Split('?')[0];
        var episode = await TextAsync(registrar, enrolled.Headers.Location!.OriginalString);
        Assert.Contains("Deltagaren är inskriven.", episode);
        Assert.Contains(number, episode);
        Assert.Contains("Karin Sparad", episode);
        Assert.Contains("Aktivitetsstöd eller utvecklingsersättning, Ekonomiskt bistånd (försörjningsstöd)", episode);
        Assert.Contains("Ystads kommun", episode);
        var stored = await app.WithDbAsync(db => db.Episodes.Include(e => e.Measurements).SingleAsync());
        // Born 1994-03-01 (number 500 of the range): the age comes from the number when the field is left blank.
        Assert.Equal(30, stored.AgeAtEnrolment);
        Assert.Equal("30–39", stored.AgeBand);
        Assert.Equal(26, stored.Measurements.Single().MonthsOnSupport);

        await PostAsync(registrar, episodePath + "?handler=Exit", HttpStatusCode.Redirect, ("exitedOn", "2024-09-30"), ("exitReason", "Work"));
        await PostAsync(registrar, episodePath + "?handler=Measure", HttpStatusCode.Redirect,
            ("measurement.point", "Exit"), ("measurement.measuredOn", "2024-09-30"), ("measurement.incomeSources", "Salary"), ("measurement.occupation", "Studies"));
        var exitRow = await app.WithDbAsync(db => db.ParticipantMeasurements.SingleAsync(m => m.Point == MeasurementPoint.Exit));
        var correction = await TextAsync(registrar, $"{episodePath}?correct={exitRow.Id}");
        Assert.Contains("Rätta mätningen vid utskrivning", correction);
        await PostAsync(registrar, episodePath + "?handler=Correct", HttpStatusCode.Redirect, ("measurementId", exitRow.Id.ToString()),
            ("measurement.measuredOn", "2024-09-30"), ("measurement.incomeSources", "Salary"), ("measurement.occupation", "Work"), ("measurement.correctionNote", "Fel val"));
        var history = await TextAsync(registrar, episodePath);
        Assert.Contains("Rättad", history);
        Assert.Contains("rättelse: Fel val", history);
        Assert.Equal(2, await app.WithDbAsync(db => db.ParticipantMeasurements.CountAsync(m => m.Point == MeasurementPoint.Exit)));

        // A follow-up before its window is refused by name; the date field keeps what was typed.
        var early = await PostAsync(registrar, episodePath + "?handler=Measure", HttpStatusCode.BadRequest,
            ("measurement.point", "FollowUp365"), ("measurement.measuredOn", "2024-10-15"), ("measurement.occupation", "Work"));
        Assert.Contains("Uppföljning efter ett år kan göras tidigast", early);

        var list = await TextAsync(registrar, $"/Interventions/{intervention}/Participants");
        Assert.Contains("Karin Sparad", list);
        Assert.Contains("Arbete", list);

        await PostAsync(registrar, episodePath + "?handler=Withdraw", HttpStatusCode.Redirect, ("withdrawnOn", "2024-10-01"));
        var restricted = await TextAsync(registrar, episodePath);
        Assert.Contains("Dolt (begränsade uppgifter)", restricted);
        Assert.DoesNotContain("Karin Sparad", restricted);
        Assert.DoesNotContain(number, restricted);

        // Others: the administrator and the board see the report, never the person; another registrar is refused.
        var report = await TextAsync(board, $"/Associations/{association}/ParticipantReport?budgetYear=2024&by=Gender");
        Assert.Contains("Deltagarrapport för Samordningsförbundet Test", report);
        Assert.DoesNotContain("Karin", report);
        foreach (var session in new[] { admin, board })
            Assert.Contains("/Account/AccessDenied", (await session.Http.GetAsync(episodePath)).Headers.Location?.OriginalString);
        var other = app.Session();
        await other.LoginAsync("annan@test.se");
        Assert.Contains("/Account/AccessDenied", (await other.Http.GetAsync(episodePath)).Headers.Location?.OriginalString);

        var csv = await board.Http.GetAsync($"/Associations/{association}/ParticipantReport?handler=Csv&budgetYear=2024&by=Gender");
        Assert.Equal([0xEF, 0xBB, 0xBF], (await csv.Content.ReadAsByteArrayAsync())[..3]);
        var national = Encoding.UTF8.GetString(await (await board.Http.GetAsync($"/Associations/{association}/ParticipantReport?handler=National&budgetYear=2024&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains(";Arena för arbete;", national);
    }

    [EnvironmentFact]
    public async Task The_register_extract_lists_everything_and_erasure_leaves_anonymous_statistics()
    {
        await PostAsync(admin, $"/Interventions/{intervention}/Registrars?handler=Assign", HttpStatusCode.Redirect, ("email", "registrar@test.se"));
        var enrolled = await registrar.PostFormAsync($"/Interventions/{intervention}/Participants/Enrol", Form(
            ("consentGiven", "ja"), ("protectedIdentity", "nej"), ("identityNumber", FictitiousIdentity.Number(501)), ("participantName", "Erik Raderas"), ("gender", "man"),
            ("enrolledOn", "2024-03-01"), ("consent.givenOn", "2024-03-01"), ("consent.parties", "Försäkringskassan"), ("consent.purposes", "Uppföljning")));
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var participant = await app.WithDbAsync(db => db.Participants.Select(p => p.Id).SingleAsync());
        var extractPath = $"/Associations/{association}/Participants/{participant}";
        var extract = await TextAsync(registrar, extractPath);
        Assert.Contains("Erik Raderas", extract);
        Assert.Contains("Läst", extract);

        var unconfirmed = await PostAsync(registrar, extractPath + "?handler=Erase", HttpStatusCode.BadRequest);
        Assert.Contains("Kryssa i att personen har begärt radering", unconfirmed);
        await PostAsync(registrar, extractPath + "?handler=Erase", HttpStatusCode.Redirect, ("confirm", "ja"));
        Assert.Contains("Personen är raderad", await TextAsync(registrar, "/Participants"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync()));
        var left = await app.WithDbAsync(db => db.Episodes.SingleAsync());
        Assert.True(left.Anonymous);
        Assert.Null(left.ParticipantId);
    }

    [EnvironmentFact]
    public async Task Settings_pages_save_follow_ups_and_questions_and_a_stale_form_keeps_what_was_typed()
    {
        var path = $"/Associations/{association}/ParticipantSettings";
        Assert.Contains("Förbundet använder standard", await TextAsync(admin, path));
        await PostAsync(admin, path + "?handler=Plan", HttpStatusCode.Redirect,
            ("planFields.firstDays", "180"), ("planFields.firstWindowDays", "14"), ("planFields.secondDays", "730"), ("planFields.secondWindowDays", "30"), ("planFields.revision", "0"));
        // Someone who opened the page before that save: refused, told so, and the typed days are still in the form.
        var stale = await PostAsync(admin, path + "?handler=Plan", HttpStatusCode.BadRequest,
            ("planFields.firstDays", "120"), ("planFields.firstWindowDays", "20"), ("planFields.secondDays", "365"), ("planFields.secondWindowDays", "60"), ("planFields.revision", "0"));
        Assert.Contains("Någon annan har sparat samma uppgifter", stale);
        Assert.Contains("value=\"120\"", stale);
        Assert.Contains("180 dagar ± 14", await TextAsync(admin, path));

        await PostAsync(admin, path + "?handler=Question", HttpStatusCode.Redirect,
            ("question.code", "eget_boende"), ("question.wording", "Har deltagaren eget boende?"), ("question.kind", "YesNo"), ("question.active", "ja"));
        var bad = await PostAsync(admin, path + "?handler=Question", HttpStatusCode.BadRequest,
            ("question.code", "kontakt"), ("question.wording", "Kontaktväg"), ("question.kind", "Choice"), ("question.choices", "Bara ett"), ("question.active", "ja"));
        Assert.Contains("minst två svarsalternativ", bad);
        Assert.Contains("href=\"#question-choices\"", bad);
        Assert.Contains("Har deltagaren eget boende?", await TextAsync(admin, path));
        // Board members do not change settings.
        Assert.Contains("/Account/AccessDenied", (await board.Http.GetAsync(path)).Headers.Location?.OriginalString);

        await PostAsync(admin, $"/Interventions/{intervention}/Registrars?handler=Assign", HttpStatusCode.Redirect, ("email", "registrar@test.se"));
        Assert.Contains("Har deltagaren eget boende?", await TextAsync(registrar, $"/Interventions/{intervention}/Participants/Enrol"));
        Assert.Contains("Insatsen följer förbundets uppföljningar", await TextAsync(admin, $"/Interventions/{intervention}/FollowUpSettings"));
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value));

    private static async Task<string> PostAsync(WebSession session, string path, HttpStatusCode expected, params (string, string)[] fields)
    {
        var response = await session.PostFormAsync(path.Split('?')[0], Form(fields), path);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var text = Spaces().Replace(Tags().Replace(body, " "), " ");
        Assert.True(expected == response.StatusCode, $"{path}: {response.StatusCode} {response.Headers.Location}. {text[..Math.Min(3000, text.Length)]}");
        return body;
    }

    private static async Task<string> TextAsync(WebSession session, string path)
    {
        var response = await session.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(await response.Content.ReadAsStringAsync(), " ")), " ");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class SqliteParticipantPagesTests() : ParticipantPagesTests(DatabaseProvider.Sqlite);

public sealed class PostgresParticipantPagesTests() : ParticipantPagesTests(DatabaseProvider.Postgres), INeedsPostgres;
