using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Participants;
using Samordna.Web.Cli;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Demo;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Participants;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>The participant verbs (rekey after a key rotation, purge) and the demo's invented participants.</summary>
public sealed class ParticipantCliTests : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, false, "--Samordna:Participants:PurgeDaily=false");
    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => app.RunVerbAsync(args);

    private async Task<int> EnrolAsync(string number, DateOnly on)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
            .HandleAsync(new("Förbundet " + number, TestData.OrganisationNumber(), "2016-01-01", ["12"], ["1286"]))).Value!.Id;
        var intervention = (await scope.ServiceProvider.GetRequiredService<SaveIntervention>().CreateAsync(association, new("Insatsen", "IndividualFocused", "PersonalData")))!.Value!.Id;
        var episode = (await scope.ServiceProvider.GetRequiredService<EnrolParticipant>().HandleAsync(intervention,
            new(on, "kvinna", null, true, false, number, "Rotera Nyckelsson", null, null, new(on, ["Försäkringskassan"], ["Uppföljning"]))))!;
        Assert.True(episode.IsValid, string.Join("; ", episode.Errors.Select(e => e.Message)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<EpisodeCommands>().ExitAsync(intervention, episode.Value!.Id, new(on.AddDays(30), "Work")))!.IsValid);
        return episode.Value!.ParticipantId!.Value;
    }

    [Fact]
    public async Task Rekey_moves_every_row_to_the_new_key_and_the_old_key_can_then_go()
    {
        var participant = await EnrolAsync(FictitiousIdentity.Number(600), new DateOnly(2023, 1, 9));
        Assert.StartsWith("k1:", await app.WithDbAsync(db => db.Participants.Where(p => p.Id == participant).Select(p => p.IdentityCipher).SingleAsync()));

        // The rotation as docs/operations.md describes it: add k2, make it current, keep k1 for reading.
        var generated = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.DataDirectory.FullName, ParticipantKeys.GeneratedFileName)))!;
        var newKey = (await RunAsync("participants", "newkey")).Out.Trim();
        Assert.Equal(32, Convert.FromBase64String(newKey).Length);
        generated["keys"]!["k2"] = newKey;
        generated["current"] = "k2";
        var rotated = Path.Combine(app.DataDirectory.FullName, "roterade-nycklar.json");
        await File.WriteAllTextAsync(rotated, generated.ToJsonString());

        var rekey = await RunAsync("participants", "rekey", $"--Samordna:Participants:KeyFile={rotated}");
        Assert.True(rekey.Code == 0, rekey.Err);
        Assert.Contains("1 deltagare ändrades", rekey.Out);
        var row = await app.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == participant));
        Assert.StartsWith("k2:", row.IdentityCipher);
        Assert.StartsWith("k2:", row.NameCipher);

        // Without k1 everything still reads, because nothing needs it any more.
        generated["keys"]!.AsObject().Remove("k1");
        var onlyNew = Path.Combine(app.DataDirectory.FullName, "bara-nya.json");
        await File.WriteAllTextAsync(onlyNew, generated.ToJsonString());
        var again = await RunAsync("participants", "rekey", $"--Samordna:Participants:KeyFile={onlyNew}");
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("0 deltagare ändrades", again.Out);

        // The same keys given in configuration instead of a file.
        var fromConfiguration = await RunAsync("participants", "rekey", "--Samordna:Participants:Keys:current=k2",
            $"--Samordna:Participants:Keys:keys:k2={newKey}", $"--Samordna:Participants:Keys:lookupKey={generated["lookupKey"]}");
        Assert.True(fromConfiguration.Code == 0, fromConfiguration.Err);
        Assert.Contains("med nyckeln k2: 0 deltagare ändrades", fromConfiguration.Out);

        var broken = await RunAsync("participants", "rekey", $"--Samordna:Participants:KeyFile={Path.Combine(app.DataDirectory.FullName, "finns-inte.json")}");
        Assert.Equal(1, broken.Code);
        Assert.Contains("finns inte", broken.Err);
    }

    [Fact]
    public async Task Purge_deletes_identity_of_those_past_the_retention_time_and_says_how_many()
    {
        var old = await EnrolAsync(FictitiousIdentity.Number(601), new DateOnly(2015, 3, 2));
        var recent = await EnrolAsync(FictitiousIdentity.Number(602), new DateOnly(2024, 3, 4));
        var purge = await RunAsync("participants", "purge", "--date", "2026-01-01");
        Assert.True(purge.Code == 0, purge.Err);
        Assert.Contains("raderades för 1 deltagare", purge.Out);
        Assert.Null(await app.WithDbAsync(db => db.Participants.Where(p => p.Id == old).Select(p => p.IdentityCipher).SingleAsync()));
        Assert.NotNull(await app.WithDbAsync(db => db.Participants.Where(p => p.Id == recent).Select(p => p.IdentityCipher).SingleAsync()));
        Assert.Equal(2, (await RunAsync("participants", "purge", "--date", "i morgon")).Code);
    }

    [Fact]
    public async Task The_demo_has_invented_participants_in_the_fictitious_range_with_outcomes_to_show()
    {
        Assert.Equal(0, (await RunAsync("demo")).Code);
        Assert.Equal(0, (await RunAsync("demo")).Code);
        var demo = await app.WithDbAsync(db => db.Associations.Where(a => a.Name == DemoInterventions.Name).Select(a => a.Id).SingleAsync());
        var episodes = await app.WithDbAsync(db => db.Episodes.Include(e => e.Intervention).Where(e => e.AssociationId == demo).ToListAsync());
        Assert.Equal(148, episodes.Count);
        Assert.Equal(["Arena för arbete", "Maria Skåne Sydost", "Möjligheternas hus"], episodes.Select(e => e.Intervention!.Name).Distinct().Order());
        Assert.Contains(episodes, e => e.Anonymous);
        Assert.Contains(episodes, e => e.ExitReason == ExitReason.RegisteredByMistake);
        Assert.Contains(episodes, e => e.ExitReason == ExitReason.ConsentWithdrawn);
        Assert.Contains(episodes, e => e.ExitedOn is null);

        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ParticipantKeys>();
        var ciphers = await scope.ServiceProvider.GetRequiredService<SamordnaDb>().Participants.Where(p => p.AssociationId == demo).Select(p => p.IdentityCipher!).ToListAsync();
        Assert.True(ciphers.Count > 100);
        Assert.All(ciphers, c =>
        {
            var number = keys.Protection.Decrypt(c)!;
            Assert.Equal("01", number[6..8]);
            Assert.Equal("98", number[8..10]);
        });
        // Invented people keep their invented numbers: the retention rule leaves demo associations alone.
        Assert.Contains("för 0 deltagare", (await RunAsync("participants", "purge", "--date", "2099-01-01")).Out);
        var report = await scope.ServiceProvider.GetRequiredService<ParticipantReportQueries>().ReportAsync(demo, null, ReportBreakdown.Intervention, 6);
        Assert.All(report.WorkOrStudiesAtExit.Rows, r => Assert.NotNull(r.Total));
        Assert.NotNull(report.Comparisons[0].Comparison);
    }
}
