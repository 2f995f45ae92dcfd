using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Demo;
using Samordna.Web.Features.Participants;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Participant follow-up over real HTTP: privacy by construction, withdrawal, roles, audit, suppression, import.</summary>
public abstract class ParticipantApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient system = null!, admin = null!, registrar = null!, otherRegistrar = null!, board = null!, lead = null!;
    private int association, arena;

    public async Task InitializeAsync()
    {
        // The daily retention run would race the tests that purge on purpose.
        app = await RunningApp.StartAsync(provider, false, "--Samordna:Participants:PurgeDaily=false");
        await app.CreateUserAsync("system@test.se", Role.SystemAdministrator);
        system = app.Client(await app.TokenForAsync("system@test.se"));
        var created = await system.PostAsJsonAsync("/api/v1/associations", new
        {
            name = "Samordningsförbundet Sydöstra Skåne", organisationNumber = TestData.OrganisationNumber(), startDate = "2010-01-01",
            counties = new[] { "12" }, municipalities = new[] { "1286", "1287", "1270" },
        });
        association = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        foreach (var (email, role) in new[] { ("admin@test.se", Role.AssociationAdministrator), ("registrar@test.se", Role.ParticipantRegistrar),
                     ("annan@test.se", Role.ParticipantRegistrar), ("board@test.se", Role.BoardMember), ("lead@test.se", Role.InterventionLead) })
            await app.CreateUserAsync(email, role, association);
        admin = app.Client(await app.TokenForAsync("admin@test.se"));
        registrar = app.Client(await app.TokenForAsync("registrar@test.se"));
        otherRegistrar = app.Client(await app.TokenForAsync("annan@test.se"));
        board = app.Client(await app.TokenForAsync("board@test.se"));
        lead = app.Client(await app.TokenForAsync("lead@test.se"));
        arena = await InterventionAsync("Arena för arbete", "PersonalData");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/interventions/{arena}/registrars", new { email = "registrar@test.se" })).StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<int> InterventionAsync(string name, string method)
    {
        var response = await lead.PostAsJsonAsync($"/api/v1/associations/{association}/interventions", new { name, kind = "IndividualFocused", measurementMethod = method });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static object Person(string number, string? name = null, string gender = "kvinna", string on = "2024-02-01", object? measurement = null) => new
    {
        enrolledOn = on, gender, consentGiven = true, protectedIdentity = false, identityNumber = number, name, municipalityCode = "1286",
        consent = new { givenOn = on, parties = new[] { "Försäkringskassan", "Ystads kommun" }, purposes = new[] { "Uppföljning av insatsen" } },
        measurement = measurement ?? new { point = "Enrolment", measuredOn = on, incomeSources = new[] { "SocialAssistance" }, occupation = "JobSeeking", education = "UpperSecondary", monthsOnSupport = 30, selfRatedHealth = 2 },
    };

    private async Task<JsonElement> EnrolAsync(object request, int? intervention = null)
    {
        var response = await registrar.PostAsJsonAsync($"/api/v1/interventions/{intervention ?? arena}/episodes", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private Task<int> ReadsAsync(int participantId) => app.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
        a.Entity == nameof(Participant) && a.EntityKey == participantId.ToString() && a.Action == IdentityReads.Action));

    [EnvironmentFact]
    public async Task The_database_holds_no_identity_number_or_name_in_plain_text()
    {
        var numbers = Enumerable.Range(0, 3).Select(FictitiousIdentity.Number).ToList();
        var names = new[] { "Ingrid Krypterad", "Östen Hemligsson", "Åsa Dold" };
        for (var i = 0; i < 3; i++)
        {
            var episode = await EnrolAsync(Person(numbers[i], names[i]));
            Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{episode.GetProperty("id").GetInt32()}")).StatusCode);
        }
        // Every way the number could be written: 12 and 10 digits, with and without separator.
        var forbidden = numbers.SelectMany(n => new[] { n, n.Replace("-", ""), n[2..], n[2..].Replace("-", "") }).Concat(names).ToList();

        if (provider == DatabaseProvider.Sqlite)
        {
            var files = app.DataDirectory.GetFiles("samordna.db*");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                var bytes = buffer.ToArray();
                foreach (var text in forbidden)
                {
                    Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"{file.Name} innehåller \"{text}\" i klartext");
                    Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) < 0, $"{file.Name} innehåller \"{text}\" i UTF-16");
                }
            }
        }
        var values = await TextValuesAsync();
        Assert.True(values.Count > 100, $"för få textvärden lästes: {values.Count}");
        foreach (var text in forbidden) Assert.DoesNotContain(values, v => v.Contains(text, StringComparison.Ordinal));
        // The ciphertexts are there, so the check above looked at the right rows.
        Assert.Equal(3, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.IdentityCipher!.StartsWith("k1:") && p.NameCipher!.StartsWith("k1:"))));

        var audit = await (await admin.GetAsync($"/api/v1/associations/{association}/audit?limit=10000")).Content.ReadAsStringAsync();
        Assert.Contains(IdentityReads.Action, audit);
        foreach (var text in forbidden) Assert.DoesNotContain(text, audit);
    }

    /// <summary>Every text value of every table, read with plain SQL.</summary>
    private async Task<List<string>> TextValuesAsync() => await app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.type LIKE '%TEXT%'"
            : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')";
        foreach (var row in await QueryAsync(connection, sql)) columns.Add((row[0], row[1]));
        var values = new List<string>();
        foreach (var (table, column) in columns)
            values.AddRange((await QueryAsync(connection, $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL")).Select(r => r[0]));
        return values;
    });

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))!).ToArray());
        return rows;
    }

    [EnvironmentFact]
    public async Task Anonymous_participants_cannot_carry_personal_data()
    {
        var refused = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes", new
        {
            enrolledOn = "2024-03-01", gender = "man", age = 31, consentGiven = false, protectedIdentity = false,
            identityNumber = FictitiousIdentity.Number(10), name = "Namn Namnsson", municipalityCode = "1286",
            measurement = new { point = "Enrolment", measuredOn = "2024-03-01", occupation = "JobSeeking" },
        }));
        Assert.Equal(["identityNumber", "measurement", "municipalityCode", "name"], refused.Keys.Order());
        Assert.Contains("samtycke", refused["identityNumber"][0]);
        var shielded = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes", new
            { enrolledOn = "2024-03-01", gender = "kvinna", age = 40, consentGiven = true, protectedIdentity = true, identityNumber = FictitiousIdentity.Number(11) }));
        Assert.Contains("skyddade personuppgifter", shielded["identityNumber"][0]);

        var anonymous = await EnrolAsync(new { enrolledOn = "2024-03-01", gender = "man", age = 31, consentGiven = false, protectedIdentity = false });
        Assert.True(anonymous.GetProperty("anonymous").GetBoolean());
        var id = anonymous.GetProperty("id").GetInt32();
        var measured = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/measurements",
            new { point = "Enrolment", measuredOn = "2024-03-01", occupation = "JobSeeking" }));
        Assert.Contains("Anonyma deltagare har inga mätningar", measured["measurement"][0]);
        var stored = await app.WithDbAsync(db => db.Episodes.Include(e => e.Consents).SingleAsync(e => e.Id == id));
        Assert.Null(stored.ParticipantId);
        Assert.Null(stored.AgeAtEnrolment);
        Assert.Null(stored.MunicipalityCode);
        Assert.Empty(stored.Consents);
        Assert.Equal("30–39", stored.AgeBand);
        Assert.Equal(0, await app.WithDbAsync(db => db.ParticipantMeasurements.CountAsync(m => m.EpisodeId == id)));

        // An intervention that registers everyone anonymously refuses consent and identity altogether.
        var anonymousOnly = await InterventionAsync("Öppen mottagning", "Anonymous");
        await admin.PostAsJsonAsync($"/api/v1/interventions/{anonymousOnly}/registrars", new { email = "registrar@test.se" });
        Assert.Contains("anonymt", (await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{anonymousOnly}/episodes", Person(FictitiousIdentity.Number(12)))))["consentGiven"][0]);
    }

    [EnvironmentFact]
    public async Task Withdrawing_consent_exits_at_once_restricts_the_data_and_never_allows_an_anonymous_return()
    {
        var number = FictitiousIdentity.Number(20);
        var first = await EnrolAsync(Person(number, "Greta Återkallad", on: "2024-01-10"));
        var id = first.GetProperty("id").GetInt32();
        var participant = first.GetProperty("participantId").GetInt32();
        var withdrawn = await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/consent:withdraw", new { withdrawnOn = "2024-04-02" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        var detail = await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var episode = detail.GetProperty("episode");
        Assert.Equal("2024-04-02", episode.GetProperty("exitedOn").GetString());
        Assert.Equal("ConsentWithdrawn", episode.GetProperty("exitReason").GetString());
        Assert.True(episode.GetProperty("restricted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("person").GetProperty("identityNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("person").GetProperty("name").ValueKind);
        Assert.Equal("2024-04-02", detail.GetProperty("consents")[0].GetProperty("withdrawnOn").GetString());

        // Never again as anonymous: neither found by the number typed nor by id.
        var byNumber = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes",
            new { enrolledOn = "2024-06-01", gender = "kvinna", age = 30, consentGiven = false, protectedIdentity = false, identityNumber = number }));
        Assert.Contains("återkallat sitt samtycke", byNumber["consent"][0]);
        var byId = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes",
            new { enrolledOn = "2024-06-01", gender = "kvinna", age = 30, consentGiven = false, protectedIdentity = false, participantId = participant }));
        Assert.Contains("återkallat sitt samtycke", byId["consent"][0]);
        Assert.Contains("begränsade", (await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/measurements",
            new { point = "Exit", measuredOn = "2024-04-02", occupation = "Work" })))["measurement"][0]);

        // New written consent is a new start: the same person again, the restriction lifted, the withdrawal remembered.
        var again = await EnrolAsync(Person(number, on: "2024-09-01"));
        Assert.Equal(participant, again.GetProperty("participantId").GetInt32());
        var stored = await app.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == participant));
        Assert.False(stored.Restricted);
        Assert.True(stored.ConsentWithdrawn);
    }

    [EnvironmentFact]
    public async Task Only_assigned_registrars_read_identity_and_every_read_is_audited()
    {
        var number = FictitiousIdentity.Number(30);
        var enrolled = await EnrolAsync(Person(number, "Lars Läsbar"));
        var id = enrolled.GetProperty("id").GetInt32();
        var participant = enrolled.GetProperty("participantId").GetInt32();
        var path = $"/api/v1/interventions/{arena}/episodes/{id}";

        var before = await ReadsAsync(participant);
        var detail = await (await registrar.GetAsync(path)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(number, detail.GetProperty("person").GetProperty("identityNumber").GetString());
        Assert.Equal("Lars Läsbar", detail.GetProperty("person").GetProperty("name").GetString());
        await registrar.GetAsync(path);
        Assert.Equal(before + 2, await ReadsAsync(participant));
        var last = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(Participant) && a.Action == IdentityReads.Action).OrderBy(a => a.Id).LastAsync());
        Assert.Equal("registrar@test.se", last.Actor);
        Assert.Contains("personnummer", last.Changes);
        Assert.Equal(association, last.AssociationId);

        var assigned = await (await admin.GetAsync($"/api/v1/interventions/{arena}/registrars")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["registrar@test.se"], assigned.EnumerateArray().Select(r => r.GetProperty("email").GetString()));
        var unassigned = await otherRegistrar.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, unassigned.StatusCode);
        Assert.Contains("inte deltagaransvarig för den här insatsen", await unassigned.Content.ReadAsStringAsync());
        foreach (var client in new[] { admin, board, system, lead, otherRegistrar })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/associations/{association}/participants/{participant}/extract")).StatusCode);
        }
        Assert.Equal(before + 2, await ReadsAsync(participant));

        // The register extract is a read too, and lists the reads before it.
        var extract = await (await registrar.GetAsync($"/api/v1/associations/{association}/participants/{participant}/extract")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(number, extract.GetProperty("person").GetProperty("identityNumber").GetString());
        Assert.Equal("Arena för arbete", extract.GetProperty("episodes")[0].GetProperty("intervention").GetString());
        Assert.Equal(before + 3, extract.GetProperty("log").EnumerateArray().Count(l => l.GetProperty("action").GetString() == IdentityReads.Action));
    }

    [EnvironmentFact]
    public async Task Identity_numbers_are_validated_in_Swedish_and_the_same_person_is_found_again()
    {
        var bad = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes", Person("19900101-9811")));
        Assert.Contains("Kontrollsiffran", bad["identityNumber"][0]);
        Assert.Contains("10 eller 12 siffror", (await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes", Person("1990-01-01"))))["identityNumber"][0]);

        var number = FictitiousIdentity.Number(40);
        var first = await EnrolAsync(Person(number));
        var mariaId = await InterventionAsync("Maria Skåne Sydost", "PersonalData");
        await admin.PostAsJsonAsync($"/api/v1/interventions/{mariaId}/registrars", new { email = "registrar@test.se" });
        // Ten digits without century, in parallel in another intervention: the same person.
        var second = await EnrolAsync(Person(number[2..].Replace("-", ""), on: "2024-02-15"), mariaId);
        Assert.Equal(first.GetProperty("participantId").GetInt32(), second.GetProperty("participantId").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Participants.CountAsync()));
    }

    [EnvironmentFact]
    public async Task Measurements_are_corrected_with_history_and_follow_ups_come_due()
    {
        var enrolled = await EnrolAsync(Person(FictitiousIdentity.Number(50), on: "2024-01-10"));
        var id = enrolled.GetProperty("id").GetInt32();
        var exitedOn = DateOnly.FromDateTime(DateTime.Today).AddDays(-90);
        var exit = await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/exit", new
        {
            exitedOn = exitedOn.ToString("yyyy-MM-dd"), exitReason = "Arbete",
            measurement = new { measuredOn = exitedOn.ToString("yyyy-MM-dd"), incomeSources = new[] { "Lön" }, occupation = "Studier" },
        });
        Assert.Equal(HttpStatusCode.OK, exit.StatusCode);
        var detail = await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var exitRow = detail.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("point").GetString() == "Exit");
        var exitId = exitRow.GetProperty("id").GetInt32();

        var twice = await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/measurements",
            new { point = "Exit", measuredOn = exitedOn.ToString("yyyy-MM-dd"), occupation = "Work" }));
        Assert.Contains("Rätta den i stället", twice["point"][0]);
        var corrected = await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/measurements/{exitId}/corrections",
            new { measuredOn = exitedOn.ToString("yyyy-MM-dd"), incomeSources = new[] { "Salary" }, occupation = "Work", correctionNote = "Fel sysselsättning" });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Contains("redan rättad", (await ErrorsAsync(await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/measurements/{exitId}/corrections",
            new { measuredOn = exitedOn.ToString("yyyy-MM-dd"), occupation = "Work" })))["measurementId"][0]);

        var rows = (await (await registrar.GetAsync($"/api/v1/interventions/{arena}/episodes/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("measurements").EnumerateArray().Where(m => m.GetProperty("point").GetString() == "Exit").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Studies", "Work"], rows.Select(r => r.GetProperty("occupation").GetString()));
        Assert.Equal([false, true], rows.Select(r => r.GetProperty("current").GetBoolean()));
        Assert.Equal(exitId, rows[1].GetProperty("correctsId").GetInt32());

        // 90 days after exit: the first follow-up is in its window.
        var due = await (await registrar.GetAsync($"/api/v1/interventions/{arena}/follow-ups")).Content.ReadFromJsonAsync<JsonElement>();
        var item = Assert.Single(due.EnumerateArray());
        Assert.Equal("FollowUp90", item.GetProperty("point").GetString());
        Assert.Equal(id, item.GetProperty("episodeId").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/measurements",
            new { point = "FollowUp90", measuredOn = DateTime.Today.ToString("yyyy-MM-dd"), occupation = "Work" })).StatusCode);
        Assert.Empty((await (await registrar.GetAsync($"/api/v1/interventions/{arena}/follow-ups")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [EnvironmentFact]
    public async Task Report_cells_below_the_threshold_come_back_null_and_board_members_see_no_person()
    {
        for (var i = 0; i < 12; i++)
        {
            var enrolled = await EnrolAsync(Person(FictitiousIdentity.Number(100 + i), $"Person {i}", gender: i < 9 ? "kvinna" : "man", on: "2024-01-10"));
            await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{enrolled.GetProperty("id").GetInt32()}/exit", new
            {
                exitedOn = "2024-06-30", exitReason = i < 6 ? "Work" : "Interrupted",
                measurement = new { measuredOn = "2024-06-30", occupation = i < 6 ? "Work" : "JobSeeking", incomeSources = new[] { i < 6 ? "Salary" : "SocialAssistance" } },
            });
        }
        var response = await board.GetAsync($"/api/v1/associations/{association}/participant-report?year=2024&by=gender&reference=6");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var report = JsonDocument.Parse(text).RootElement;
        var all = report.GetProperty("counts").GetProperty("all");
        Assert.Equal(12, all.GetProperty("total").GetInt32());
        var cells = all.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("count"));
        Assert.Equal(JsonValueKind.Null, cells["Man"].ValueKind);
        // Three men could be subtracted from the total, so the nine women are hidden too.
        Assert.Equal(JsonValueKind.Null, cells["Kvinna"].ValueKind);
        var workAtExit = report.GetProperty("workOrStudiesAtExit").GetProperty("all");
        Assert.Equal(6, workAtExit.GetProperty("cells")[0].GetProperty("count").GetInt32());
        var exitComparison = report.GetProperty("comparisons")[0].GetProperty("comparison");
        Assert.Equal(6, workAtExit.GetProperty("cells")[1].GetProperty("count").GetInt32());
        Assert.Equal(50m, exitComparison.GetProperty("percent").GetDecimal());
        Assert.True(exitComparison.GetProperty("differsFromReference").GetBoolean());
        foreach (var secret in new[] { "Person 1", FictitiousIdentity.Number(100), "identityNumber" }) Assert.DoesNotContain(secret, text);

        Assert.Contains("Dela upp", (await ErrorsAsync(await board.GetAsync($"/api/v1/associations/{association}/participant-report?by=skostorlek")))["by"][0]);
    }

    [EnvironmentFact]
    public async Task Import_is_all_or_nothing_with_row_and_column_errors()
    {
        var good = new[] { FictitiousIdentity.Number(200), FictitiousIdentity.Number(201) };
        string Csv(string thirdNumber, string thirdGender) => string.Join("\n",
            "personnummer;namn;samtycke;samtycke_datum;samtycke_parter;samtycke_syften;kön;kommun;inskriven;utskriven;avslutsanledning;sysselsättning_inskrivning;sysselsättning_utskrivning",
            $"{good[0]};Anna Import;ja;2023-01-10;Försäkringskassan, Ystads kommun;Uppföljning;kvinna;Ystad;2023-01-10;2023-08-31;Arbete;Arbetssökande;Arbete",
            $"{good[1]};Bo Import;ja;2023-02-01;Försäkringskassan;Uppföljning;man;1286;2023-02-01;;;Sjukskriven;",
            $"{thirdNumber};;nej;;;;{thirdGender};;2023-03-01;;;;",
            $"{good[0]};;ja;2023-09-01;Försäkringskassan;Uppföljning;kvinna;1286;2023-09-01;;;;");
        async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string csv)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]), "file", "deltagare.csv" } };
            var response = await registrar.PostAsync($"/api/v1/interventions/{arena}/episodes:import", form);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (status, body) = await UploadAsync(Csv("19900101-9811", "okänt"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(0, body.GetProperty("imported").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e is { Row: 4, Column: "personnummer" } && e.Message.Contains("får inte anges"));
        Assert.Contains(errors, e => e is { Row: 4, Column: "kön" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "ålder" });
        Assert.DoesNotContain(errors, e => e.Row != 4);
        Assert.Equal(0, await app.WithDbAsync(db => db.Episodes.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync()));

        // Fixed: no number for the anonymous row, a gender, and an age column (blank for the others, taken from their numbers).
        var withAge = string.Join("\n", Csv("", "kvinna").Split('\n').Select((line, i) => line + (i == 0 ? ";ålder" : i == 3 ? ";44" : ";")));
        (status, body) = await UploadAsync(withAge);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(4, body.GetProperty("imported").GetInt32());
        Assert.Equal(2, await app.WithDbAsync(db => db.Participants.CountAsync()));
        var anna = await app.WithDbAsync(db => db.Episodes.Include(e => e.Measurements).Where(e => e.ExitedOn != null).SingleAsync());
        Assert.Equal(ExitReason.Work, anna.ExitReason);
        Assert.Equal([MeasurementPoint.Enrolment, MeasurementPoint.Exit], anna.Measurements.Select(m => m.Point).Order());
        Assert.Equal("1286", anna.MunicipalityCode);
    }

    [EnvironmentFact]
    public async Task Retention_deletes_identity_and_name_five_years_after_the_last_exit_and_keeps_the_statistics()
    {
        var enrolled = await EnrolAsync(Person(FictitiousIdentity.Number(300), "Gallras Snart", on: "2019-01-10"));
        var id = enrolled.GetProperty("id").GetInt32();
        var participant = enrolled.GetProperty("participantId").GetInt32();
        await registrar.PostAsJsonAsync($"/api/v1/interventions/{arena}/episodes/{id}/exit", new { exitedOn = "2019-12-31", exitReason = "Arbete" });
        var open = await EnrolAsync(Person(FictitiousIdentity.Number(301), "Fortfarande Inskriven", on: "2019-01-10"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var retention = scope.ServiceProvider.GetRequiredService<ParticipantRetention>();
            Assert.Equal(0, await retention.PurgeAsync(new DateOnly(2024, 12, 30)));
            Assert.Equal(1, await retention.PurgeAsync(new DateOnly(2024, 12, 31)));
        }
        var purged = await app.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == participant));
        Assert.Null(purged.IdentityCipher);
        Assert.Null(purged.IdentityLookup);
        Assert.Null(purged.NameCipher);
        Assert.Equal(new DateOnly(2024, 12, 31), purged.IdentityErasedOn);
        Assert.NotNull(await app.WithDbAsync(db => db.Participants.Where(p => p.Id == open.GetProperty("participantId").GetInt32()).Select(p => p.IdentityCipher).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Gallrad" && a.EntityKey == participant.ToString())));
        // The episode stays, for the statistics, still tied to the (now nameless) participant.
        Assert.Equal(participant, await app.WithDbAsync(db => db.Episodes.Where(e => e.Id == id).Select(e => e.ParticipantId).SingleAsync()));
    }

    [EnvironmentFact]
    public async Task Erasure_deletes_the_person_and_the_national_export_still_counts_the_episode()
    {
        var enrolled = await EnrolAsync(Person(FictitiousIdentity.Number(400), "Radera Mig", on: "2024-02-01"));
        var participant = enrolled.GetProperty("participantId").GetInt32();
        await EnrolAsync(new { enrolledOn = "2024-03-01", gender = "man", age = 50, consentGiven = false, protectedIdentity = false });
        var volume = await InterventionAsync("Öppen verksamhet", "CountsOnly");
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync($"/api/v1/interventions/{volume}/monthly-counts/2024",
            new[] { new { month = 1, women = 4, men = 3, other = 0 }, new { month = 2, women = 2, men = 1, other = 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PutAsJsonAsync($"/api/v1/interventions/{arena}/monthly-counts/2024", new[] { new { month = 1, women = 1, men = 0, other = 0 } })).StatusCode);
        await lead.PutAsJsonAsync($"/api/v1/interventions/{arena}/budget-years/2024", new { plannedParticipants = 40, lines = new[] { new { kind = "InterventionCost", budget = 1_000_000, outcome = 900_000 } } });

        Assert.Equal(HttpStatusCode.NoContent, (await registrar.DeleteAsync($"/api/v1/associations/{association}/participants/{participant}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ParticipantMeasurements.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Episodes.CountAsync(e => e.Anonymous && e.ParticipantId == null)));

        var csv = await board.GetAsync($"/api/v1/associations/{association}/national-export/2024");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Förbund;Organisationsnummer;År;Insats", lines[0]);
        Assert.Contains(lines, l => l.Contains(";Arena för arbete;") && l.Contains(";1;1;0;2;40;1000000;900000;"));
        Assert.Contains(lines, l => l.Contains(";Öppen verksamhet;") && l.Contains(";6;4;1;11;"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (await board.GetAsync($"/api/v1/associations/{association}/national-export/2024?format=xlsx")).Content.Headers.ContentType!.MediaType);
    }
}

public sealed class SqliteParticipantApiTests() : ParticipantApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresParticipantApiTests() : ParticipantApiTests(DatabaseProvider.Postgres), INeedsPostgres;

public sealed class FictitiousIdentityTests
{
    [Fact]
    public void The_demo_range_is_valid_unique_and_recognisable()
    {
        var numbers = Enumerable.Range(0, FictitiousIdentity.Count).Select(FictitiousIdentity.Number).ToList();
        Assert.Equal(FictitiousIdentity.Count, numbers.Distinct().Count());
        Assert.StartsWith("1990", numbers[0]);
        Assert.StartsWith("1960", numbers[1200]);
        Assert.All(numbers, n =>
        {
            var parsed = IdentityNumber.Parse(n, new DateOnly(2026, 1, 1));
            Assert.True(parsed.IsValid, n);
            Assert.Equal(1, parsed.Value!.BirthDate.Day);
            Assert.StartsWith("98", n[9..]);
        });
    }
}
