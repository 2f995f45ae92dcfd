using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>A failing import, whether its file is refused or the database fails halfway, leaves the database as it was.</summary>
public sealed class FailedImportTests : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient admin = null!;
    private int round;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("admin@test.se", Role.SystemAdministrator);
        admin = app.Client(await app.TokenForAsync("admin@test.se"));
        (_, round) = await TestData.AssociationWithRoundAsync(admin, "Importförbundet", ["2180"], "gavleborg-2016-staff", "Import");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static string Answers(int rows, string? lastRow = null)
    {
        var csv = new StringBuilder("record_id;unit:municipality;KONTAKT;P1;P2\n");
        for (var i = 1; i <= rows; i++) csv.Append($"r{i};Gävle;Ja;{1 + i % 6};vet ej\n");
        if (lastRow is not null) csv.Append(lastRow).Append('\n');
        return csv.ToString();
    }

    private Task<HttpResponseMessage> UploadAsync(string what, byte[] content, string name = "fil.csv") =>
        admin.PostAsync($"/api/v1/survey-rounds/{round}/{what}:import", new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } });

    /// <summary>Row counts of every table an import writes, and the audit log.</summary>
    private Task<string> SnapshotAsync() => app.WithDbAsync(async db => string.Join(", ",
        $"records {await db.SurveyRecords.CountAsync()}", $"units {await db.SurveyRecordUnits.CountAsync()}",
        $"answers {await db.SurveyAnswers.CountAsync()}", $"invitations {await db.SurveyInvitations.CountAsync()}",
        $"invitation units {await db.SurveyInvitationUnits.CountAsync()}", $"instruments {await db.SurveyInstruments.CountAsync()}",
        $"audit {await db.AuditEntries.CountAsync()}"));

    [Fact]
    public async Task A_bad_last_row_after_a_thousand_good_ones_imports_nothing()
    {
        var before = await SnapshotAsync();
        var refused = await UploadAsync("answers", Encoding.UTF8.GetBytes(Answers(1200, "r1201;Gävle;Ja;sju;")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal(1202, error.GetProperty("row").GetInt32());
        Assert.Equal("P1", error.GetProperty("column").GetString());
        Assert.Contains("Okänt svar \"sju\"", error.GetProperty("message").GetString());
        Assert.Equal(before, await SnapshotAsync());

        var register = new StringBuilder("email;unit:party\n");
        for (var i = 0; i < 300; i++) register.Append($"person{i}@kommun.se;Kommunen\n");
        register.Append("inte en adress;FK\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync("register", Encoding.UTF8.GetBytes(register.ToString()))).StatusCode);
        Assert.Equal(before, await SnapshotAsync());

        var instrument = await admin.PostAsync("/api/v1/instruments", new StringContent("""{ "code": "x", "version": 1, "title": "X", "provenance": "test", "items": [ { "code": "A", "wording": "Fråga?", "scale": "finns-inte" } ] }""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, instrument.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_database_failure_halfway_through_the_writes_rolls_everything_back()
    {
        // The writes go in chunks of 500; the database refuses the 601st record, after a chunk has been saved.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER test_fail BEFORE INSERT ON "SurveyRecords"
            WHEN (SELECT COUNT(*) FROM "SurveyRecords") >= 600 BEGIN SELECT RAISE(ABORT, 'provocerat fel'); END;
            """));
        var before = await SnapshotAsync();
        var failed = await UploadAsync("answers", Encoding.UTF8.GetBytes(Answers(1000)));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.DoesNotContain("provocerat", await failed.Content.ReadAsStringAsync()); // no database detail to the caller
        Assert.Equal(before, await SnapshotAsync());

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER test_fail;"));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync("answers", Encoding.UTF8.GetBytes(Answers(1000)))).StatusCode);
        Assert.Equal(1000, await app.WithDbAsync(db => db.SurveyRecords.CountAsync()));
    }

    [Fact]
    public async Task Mutated_uploads_are_either_imported_whole_or_refused_with_nothing_written()
    {
        var valid = Encoding.UTF8.GetBytes(Answers(20));
        var random = new Random(8);
        var (imported, refused) = (0, 0);
        for (var i = 0; i < 60; i++)
        {
            var bytes = valid.ToArray();
            for (var n = 1 + random.Next(3); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var before = await app.WithDbAsync(db => db.SurveyRecords.CountAsync());
            var response = await UploadAsync("answers", bytes, i % 2 == 0 ? "fil.csv" : "fil.xlsx");
            var after = await app.WithDbAsync(db => db.SurveyRecords.CountAsync());
            if (response.StatusCode == HttpStatusCode.OK) { imported++; Assert.Equal(20, after - before); }
            else
            {
                refused++;
                Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"fall {i}: {(int)response.StatusCode}");
                Assert.Equal(before, after);
            }
        }
        Assert.True(imported > 0 && refused > 0, $"importerade {imported}, avvisade {refused}");
    }
}
