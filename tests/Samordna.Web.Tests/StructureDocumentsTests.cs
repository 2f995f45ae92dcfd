using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Documents with versions and public/internal visibility; events with participants and follow-up; e-mailed reminders sent once.</summary>
public abstract class StructureDocumentsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private SmtpSink sink = null!;
    private int association;
    private HttpClient api = null!;
    private WebSession coordinator = null!;

    public async Task InitializeAsync()
    {
        sink = new SmtpSink();
        app = await RunningApp.StartAsync(provider, false,
            "--Samordna:Smtp:Host=127.0.0.1", $"--Samordna:Smtp:Port={sink.Port}", "--Samordna:Smtp:EnableSsl=false", "--Samordna:Smtp:From=kansliet@forbund.se");
        await using (var scope = app.Services.CreateAsyncScope())
            association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
                .HandleAsync(new("Höglandet", TestData.OrganisationNumber(), "2005-01-01", ["06"], ["0685"]))).Value!.Id;
        await app.CreateUserAsync("koordinator@test.se", Role.Coordinator, association);
        await app.CreateUserAsync("analytiker@test.se", Role.Analyst, association);
        api = app.Client(await app.TokenForAsync("koordinator@test.se"));
        coordinator = app.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.LoginAsync("koordinator@test.se")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sink.DisposeAsync();
    }

    private string Documents => $"/api/v1/associations/{association}/documents";

    private static MultipartFormDataContent Form(Dictionary<string, string> fields, (string Name, byte[] Bytes)? file = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        return form;
    }

    [EnvironmentFact]
    public async Task A_document_keeps_every_version_and_only_public_ones_are_open_without_sign_in()
    {
        var created = await api.PostAsync(Documents, Form(new() { ["kind"] = "Invitation", ["title"] = "Inbjudan till frukostmöte", ["owner"] = "Samverkanskoordinator Vetlanda", ["isPublic"] = "true", ["text"] = "# Välkommen 2019-09-12" }));
        var id = await Id(created);
        var pdf = "%PDF-1.4 inbjudan version 2"u8.ToArray();
        var second = await api.PostAsync($"{Documents}/{id}/versions", Form(new() { ["note"] = "Ny plats" }, ("inbjudan.pdf", pdf)));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var exe = await api.PostAsync($"{Documents}/{id}/versions", Form([], ("inbjudan.exe", "MZ"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        var problem = await exe.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("pdf, docx, xlsx, odt, txt eller md", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.StructureDocumentVersions.CountAsync(v => v.DocumentId == id)));

        var listed = (await api.GetFromJsonAsync<JsonElement>(Documents))[0];
        Assert.Equal([2, 1], listed.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("# Välkommen 2019-09-12", Encoding.UTF8.GetString(await api.GetByteArrayAsync($"{Documents}/{id}/versions/1")));
        var latest = await api.GetAsync($"{Documents}/{id}/versions/2");
        Assert.Equal("application/pdf", latest.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await latest.Content.ReadAsByteArrayAsync());

        // An internal checklist whose review date has passed.
        var checklist = await Id(await api.PostAsync(Documents, Form(new() { ["kind"] = "Checklist", ["title"] = "Introduktion av nya ledamöter", ["owner"] = "Förbundschefen", ["reviewOn"] = "2019-01-31" },
            ("checklista.md", "- [ ] Lagen om finansiell samordning"u8.ToArray()))));
        var analyst = app.Session();
        await analyst.LoginAsync("analytiker@test.se");
        var page = await analyst.GetStringAsync($"/Associations/{association}/Structures/Documents");
        Assert.Contains("Granskning försenad: skulle ha granskats 2019-01-31", page);
        Assert.Contains("Internt", page);

        var open = app.Session();
        var publicPage = await open.GetStringAsync($"/vagen-in/{association}");
        Assert.Contains("Inbjudan till frukostmöte", publicPage);
        Assert.DoesNotContain("Introduktion av nya ledamöter", publicPage);
        Assert.Equal(pdf, await open.Http.GetByteArrayAsync($"/vagen-in/{association}?handler=Document&document={id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await open.Http.GetAsync($"/vagen-in/{association}?handler=Document&document={checklist}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await open.Http.GetAsync($"/Associations/{association}/Structures/Documents/{checklist}?handler=Download&version=1")).StatusCode);
    }

    [EnvironmentFact]
    public async Task A_document_uploaded_in_the_browser_refuses_a_wrong_type_naming_the_field()
    {
        var path = $"/Associations/{association}/Structures/Documents/New";
        async Task<HttpResponseMessage> PostAsync(string name, byte[] bytes)
        {
            var form = Form(new() { ["kind"] = "Guide", ["title"] = "Vägen in", ["owner"] = "Arbetsgruppen", ["__RequestVerificationToken"] = await coordinator.FormTokenAsync(path) }, (name, bytes));
            return await coordinator.Http.PostAsync(path, form);
        }
        var refused = await PostAsync("vagen-in.zip", "PK\u0003\u0004"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#file\"", body);
        Assert.Contains("har en filtyp som inte tas emot (zip)", body);
        Assert.Contains("value=\"Vägen in\"", body); // what was typed is kept
        Assert.Equal(0, await app.WithDbAsync(db => db.StructureDocuments.CountAsync()));

        var saved = await PostAsync("vagen-in.docx", "PK\u0003\u0004word"u8.ToArray());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = await coordinator.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Ladda ned vagen-in.docx", detail);
    }

    [EnvironmentFact]
    public async Task An_event_counts_participants_per_organisation_and_plans_its_follow_up_six_to_twelve_months_later()
    {
        var events = $"/api/v1/associations/{association}/events";
        var tooLate = await api.PostAsJsonAsync(events, new { kind = "InspirationDay", title = "Inspirationsdag", heldOn = "2019-10-03", organiser = "Koordinatorerna", followUpMonths = 13 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Contains("6–12 månader", (await tooLate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("followUpMonths")[0].GetString());
        int ownRound, otherRound;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var other = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>().HandleAsync(new("Annat förbund", TestData.OrganisationNumber(), "2005-01-01", ["07"], ["0780"]))).Value!.Id;
            var rounds = scope.ServiceProvider.GetRequiredService<Samordna.Web.Features.Measurement.CreateRound>();
            ownRound = (await rounds.HandleAsync(association, new("spindeln", "Utvärdering frukostmöte", null))).Value!.Id;
            otherRound = (await rounds.HandleAsync(other, new("spindeln", "Annans mätning", null))).Value!.Id;
        }
        var foreign = await api.PostAsJsonAsync(events, new { kind = "BreakfastMeeting", title = "Frukostmöte", heldOn = "2019-09-12", organiser = "Koordinatorn", surveyRoundId = otherRound });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("surveyRoundId", await foreign.Content.ReadAsStringAsync());

        var created = await api.PostAsJsonAsync(events, new
        {
            kind = "BreakfastMeeting", title = "Frukostmöte Samverk Vetlanda", heldOn = "2019-09-12", place = "Vetlanda", organiser = "Samverkanskoordinator Vetlanda", followUpMonths = 6, surveyRoundId = ownRound,
            participants = new[] { new { party = "Försäkringskassan", count = 6 }, new { party = "Arbetsförmedlingen", count = 5 }, new { party = "Vetlanda kommun", count = 12 } },
        });
        var id = await Id(created);
        var read = await api.GetFromJsonAsync<JsonElement>($"{events}/{id}");
        Assert.Equal("2020-03-12", read.GetProperty("followUpOn").GetString());
        Assert.Equal(23, read.GetProperty("total").GetInt32());
        Assert.Equal("Due", read.GetProperty("followUp").GetString());

        var page = await coordinator.GetStringAsync($"/Associations/{association}/Structures/Events");
        Assert.Contains("Uppföljning att göra: planerad 2020-03-12", page);
        Assert.Matches("Vetlanda kommun</th><td class=\"num\">12</td>", page);
        Assert.Contains($"<a href=\"/Surveys/{ownRound}/Results\">Utvärdering frukostmöte</a>", page);

        var done = await api.PostAsJsonAsync($"{events}/{id}/follow-up", new { doneOn = "2020-03-20", note = "Kontakterna används; nästa frukostmöte önskas.", revision = read.GetProperty("revision").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("Done", (await api.GetFromJsonAsync<JsonElement>($"{events}/{id}")).GetProperty("followUp").GetString());
    }

    [EnvironmentFact]
    public async Task Due_reminders_are_mailed_once_to_the_coordinators()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var group = await Id(await api.PostAsJsonAsync($"/api/v1/associations/{association}/groups", new { name = "LSG Vetlanda", kind = "LocalManagementGroup" }));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var meetings = scope.ServiceProvider.GetRequiredService<Samordna.Web.Features.Structures.MeetingCommands>();
            var meeting = (await meetings.PlanAsync(association, group, new(DateTime.Now.AddDays(-10), 60, null, null)))!.Value!;
            await meetings.AddActionAsync(association, meeting.Id, new("Skicka ut minnesanteckningarna", "Anna Berg", today.AddDays(-2)));
            await meetings.AddActionAsync(association, meeting.Id, new("Boka lokal till hösten", "Per Wallin", today.AddDays(30)));
        }
        await Id(await api.PostAsync(Documents, Form(new() { ["title"] = "Mall för handlingsplan", ["owner"] = "Arbetsgruppen", ["reviewOn"] = today.AddDays(-1).ToString("yyyy-MM-dd"), ["text"] = "Mål, vem gör vad, uppföljning" })));

        var (code, output, _) = await app.RunVerbAsync("structures", "remind", "--Samordna:Smtp:Host=127.0.0.1", $"--Samordna:Smtp:Port={sink.Port}", "--Samordna:Smtp:EnableSsl=false");
        Assert.Equal(0, code);
        Assert.Contains("2 skickade", output);
        var mail = Assert.Single(sink.Messages);
        Assert.Equal("koordinator@test.se", mail.To);
        var text = QuotedPrintable(mail.Data);
        Assert.Contains("Skicka ut minnesanteckningarna", text);
        Assert.Contains("\"Mall för handlingsplan\" (ägare Arbetsgruppen): granskning försenad", text);
        Assert.DoesNotContain("Boka lokal", text); // due in 30 days, outside the 7

        var again = await app.RunVerbAsync("structures", "remind", "--Samordna:Smtp:Host=127.0.0.1", $"--Samordna:Smtp:Port={sink.Port}", "--Samordna:Smtp:EnableSsl=false");
        Assert.Contains("0 skickade, 2 redan skickade", again.Out);
        Assert.Single(sink.Messages);

        // The structures page lists them with the day they were mailed.
        Assert.Contains($"(e-postad {today:yyyy-MM-dd})", await coordinator.GetStringAsync($"/Associations/{association}/Structures"));
    }

    [EnvironmentFact]
    public async Task Without_smtp_reminders_are_listed_on_the_structures_page_and_not_recorded_as_sent()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        await Id(await api.PostAsync(Documents, Form(new() { ["title"] = "Vägledning", ["owner"] = "Kansliet", ["reviewOn"] = today.AddDays(-3).ToString("yyyy-MM-dd"), ["text"] = "Text" })));
        var (code, output, _) = await app.RunVerbAsync("structures", "remind");
        Assert.Equal(0, code);
        Assert.Contains("1 inte skickade", output);
        Assert.Contains("Samordna:Smtp:Host saknas", output);
        Assert.Empty(sink.Messages);
        Assert.Equal(0, await app.WithDbAsync(db => db.SentReminders.CountAsync()));
    }

    /// <summary>The message as the reader sees it: soft line breaks joined, =XX bytes decoded as UTF-8.</summary>
    private static string QuotedPrintable(string data)
    {
        var joined = System.Text.RegularExpressions.Regex.Replace(data, "=\r?\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static async Task<int> Id(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}

public sealed class SqliteStructureDocumentsTests() : StructureDocumentsTests(DatabaseProvider.Sqlite);

public sealed class PostgresStructureDocumentsTests() : StructureDocumentsTests(DatabaseProvider.Postgres), INeedsPostgres;
