using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Data;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// Crash safety of survey submissions: the real server as a child process on a loopback port, many respondents
/// submitting at once through /s/{link}, SIGKILL in the middle, a restart, and a check that every acknowledged
/// submission is stored whole and nothing half-written is visible. Each submission carries a unique comment, so
/// an acknowledgement can be matched to its stored record without any link between answers and invitations.
/// Participant registrations (<see cref="CrashRegistrations"/>) run at the same time and are checked the same way.
/// </summary>
public static partial class CrashSafety
{
    private const int Items = SpindelnRound.Items;

    public static async Task<int> RunAsync(int respondents, int concurrency, double killAt, string? postgresAdmin, int registrations = 2000, int registrars = 8)
    {
        await using var database = await ScratchDatabase.CreateAsync("crash", postgresAdmin);
        var configuration = database.Configuration;
        var address = ChildServer.FreeLoopbackAddress();
        Console.WriteLine($"Crash safety on {database.Description}: " +
                          $"{respondents} respondents, {concurrency} at once, SIGKILL after {killAt:P0} acknowledged; " +
                          $"up to {registrations} participant registrations by {registrars} registrars at the same time");
        var (round, links, participants) = await PrepareAsync(configuration, address, respondents);
        var log = Path.Combine(database.Directory.FullName, "server.log");

        // Phase 1: load, then SIGKILL once enough submissions are acknowledged.
        var server = ChildServer.Start(configuration, address, log);
        await server.WaitHealthyAsync(address);
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var inFlightAtKill = new ConcurrentDictionary<int, bool>();
        var attempted = new ConcurrentDictionary<int, bool>();
        var failures = new ConcurrentBag<string>();
        var killed = 0;
        var killWatch = new Stopwatch();
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, links.Count));
        await participants.StartAsync(address);
        var registrationQueue = new ConcurrentQueue<int>(Enumerable.Range(0, registrations));
        var registering = Enumerable.Range(0, registrars).Select(_ => participants.RunAsync(address, registrationQueue, () => Volatile.Read(ref killed) == 1)).ToList();
        var watch = Stopwatch.StartNew();
        var submitting = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Volatile.Read(ref killed) == 0 && queue.TryDequeue(out var i))
            {
                attempted[i] = true;
                var outcome = await SubmitAsync(links[i], i);
                if (outcome == Outcome.Thanked) acknowledged[i] = true;
                else if (Volatile.Read(ref killed) == 1) inFlightAtKill[i] = true;
                else failures.Add($"{i}: {outcome} before the kill");
                if (acknowledged.Count >= killAt * respondents && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    server.Kill(); // SIGKILL: no shutdown, no flush, requests in flight are cut
                    killWatch.Start();
                }
            }
        });
        await Task.WhenAll(submitting.Concat(registering));
        var phase1 = watch.Elapsed;
        Console.WriteLine($"Phase 1: {attempted.Count} attempted, {acknowledged.Count} acknowledged, {inFlightAtKill.Count} cut by the kill, in {phase1.TotalSeconds:0.0} s");
        Console.WriteLine($"Phase 1, registrations: {participants.Acknowledged} acknowledged, {participants.CutByKill} cut by the kill, {registrationQueue.Count} not started");

        // Phase 2: restart on the same database; every link not acknowledged is tried again. A link whose
        // answers were committed just before the kill is refused as used; the others now go through.
        server = ChildServer.Start(configuration, address, log);
        await server.WaitHealthyAsync(address);
        Console.WriteLine($"Restarted and healthy {killWatch.Elapsed.TotalSeconds:0.0} s after the kill");
        var committedBeforeKill = new ConcurrentBag<int>();
        var secondRound = new ConcurrentBag<int>();
        var retry = new ConcurrentQueue<int>(Enumerable.Range(0, links.Count).Where(i => !acknowledged.ContainsKey(i)));
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (retry.TryDequeue(out var i))
            {
                switch (await SubmitAsync(links[i], i))
                {
                    case Outcome.Thanked: secondRound.Add(i); break;
                    case Outcome.AlreadyUsed: committedBeforeKill.Add(i); break;
                    case var other: failures.Add($"{i}: {other}"); break;
                }
            }
        }));
        Console.WriteLine($"Phase 2: {secondRound.Count} submitted after the restart, {committedBeforeKill.Count} links already used (committed just before the kill); failures in both phases: {failures.Count}");
        foreach (var failure in failures.Take(5)) Console.WriteLine($"  {failure}");

        // The check, on the database itself (the server still running, as readers would see it).
        var (check, registered) = await CheckAsync(configuration, round, participants);
        var nonces = check.Nonces;
        var missing = acknowledged.Keys.Count(i => !nonces.ContainsKey(i));
        var unacknowledgedStored = inFlightAtKill.Keys.Count(i => nonces.ContainsKey(i) && !secondRound.Contains(i));
        var usedButMissing = committedBeforeKill.Count(i => !nonces.ContainsKey(i));
        var duplicates = nonces.Count(n => n.Value > 1);
        server.Kill();

        Console.WriteLine($"Stored records: {check.Records} (expected {respondents}); answered invitations: {check.Answered}");
        Console.WriteLine($"Acknowledged before the kill and missing after it: {missing}");
        Console.WriteLine($"Cut by the kill but committed (refused as used after the restart): {unacknowledgedStored}; used links without their record: {usedButMissing}");
        Console.WriteLine($"Half-written records (not exactly {Items} answers and one comment): {check.HalfWritten}; submissions stored twice: {duplicates}");
        Console.WriteLine($"Answered invitations without a record or records without one: {Math.Abs(check.Answered - check.Records)}; database integrity: {check.Integrity}");
        Console.WriteLine($"Registrations: {registered.Episodes} episodes and {registered.Participants} participants stored; acknowledged and missing: {registered.MissingAcknowledged}; " +
                          $"cut by the kill but committed: {registered.CutButCommitted}; stored in part: {registered.HalfWritten}; failures before the kill: {participants.Failures.Count}");
        foreach (var failure in participants.Failures.Take(5)) Console.WriteLine($"  {failure}");
        var ok = missing == 0 && usedButMissing == 0 && check.HalfWritten == 0 && duplicates == 0 && failures.IsEmpty
                 && registered.MissingAcknowledged == 0 && registered.HalfWritten == 0 && participants.Failures.Count == 0
                 && registered.CutButCommitted <= participants.CutByKill && registered.Episodes == registered.Participants
                 && check.Records == respondents && check.Answered == respondents && check.Integrity is "ok" or "not applicable (PostgreSQL)";
        Console.WriteLine(ok ? "RESULT: nothing acknowledged was lost, nothing half-written is visible" : "RESULT: FAILED");
        return ok ? 0 : 1;
    }

    private enum Outcome { Thanked, AlreadyUsed, Refused, Unreachable }

    /// <summary>A respondent submitting S1–S9 with a comment unique to the submission, and how it ended.</summary>
    private static async Task<Outcome> SubmitAsync(string link, int index)
    {
        try
        {
            var (status, page) = await SpindelnRound.SubmitAsync(link, index, Nonce(index));
            return (int)status < 400 && page.Contains("Tack!") ? Outcome.Thanked
                : status == HttpStatusCode.NotFound && page.Contains("redan använd") ? Outcome.AlreadyUsed
                : Outcome.Refused;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return Outcome.Unreachable;
        }
    }

    private static string Nonce(int index) => $"kontroll {index} klar";

    [GeneratedRegex(@"^kontroll (\d+) klar$")]
    private static partial Regex NoncePattern();

    /// <summary>
    /// An association, a Spindeln round, a register and one personal link per respondent, and the registrars'
    /// accounts, written before the server starts.
    /// </summary>
    private static async Task<(int Round, List<string> Links, CrashRegistrations Participants)> PrepareAsync(List<string> configuration, string address, int respondents)
    {
        var app = SamordnaApp.CreateBuilder([.. configuration, "--Logging:LogLevel:Default=None"]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        await s.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        var (round, links) = await SpindelnRound.PrepareAsync(s, address, respondents, "Kraschprov", "222009998");
        var association = await s.GetRequiredService<SamordnaDb>().SurveyRounds.Where(r => r.Id == round).Select(r => r.AssociationId).SingleAsync();
        return (round, links, await CrashRegistrations.PrepareAsync(s, association));
    }

    private sealed record Check(int Records, int Answered, int HalfWritten, Dictionary<int, int> Nonces, string Integrity);

    private static async Task<(Check, CrashRegistrations.Check)> CheckAsync(List<string> configuration, int round, CrashRegistrations participants)
    {
        var app = SamordnaApp.CreateBuilder([.. configuration, "--Logging:LogLevel:Default=None"]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDb>();
        var records = await db.SurveyRecords.Where(r => r.RoundId == round)
            .Select(r => new { Answers = r.Answers.Count, Comments = r.Comments.Select(c => c.Text).ToList() }).ToListAsync();
        var answered = await db.SurveyInvitations.CountAsync(i => i.RoundId == round && i.Answered);
        var nonces = records.SelectMany(r => r.Comments).Select(c => NoncePattern().Match(c)).Where(m => m.Success)
            .GroupBy(m => int.Parse(m.Groups[1].Value)).ToDictionary(g => g.Key, g => g.Count());
        var integrity = "not applicable (PostgreSQL)";
        if (db.Database.IsSqlite())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            integrity = (string)(await command.ExecuteScalarAsync())!;
        }
        return (new Check(records.Count, answered, records.Count(r => r.Answers != Items || r.Comments.Count != 1), nonces, integrity),
            await participants.CheckAsync(db));
    }
}
