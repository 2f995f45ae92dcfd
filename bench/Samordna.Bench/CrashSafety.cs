using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samordna.Web.Data;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// Crash safety of survey submissions: the real server as a child process on a loopback port, many respondents
/// submitting at once through /s/{link}, SIGKILL in the middle, a restart, and a check that every acknowledged
/// submission is stored whole and nothing half-written is visible. Each submission carries a unique comment, so
/// an acknowledgement can be matched to its stored record without any link between answers and invitations.
/// Participant registrations do not exist yet (issue 5), so only survey submissions are exercised.
/// </summary>
public static partial class CrashSafety
{
    private const int Items = SpindelnRound.Items;

    public static async Task<int> RunAsync(int respondents, int concurrency, double killAt, string? postgresAdmin)
    {
        var directory = Directory.CreateTempSubdirectory("samordna-crash-");
        string? postgresName = null;
        var configuration = new List<string> { $"--Samordna:DataDirectory={directory.FullName}" };
        if (postgresAdmin is not null)
        {
            postgresName = "samordna_crash_" + Guid.NewGuid().ToString("N")[..12];
            await AdminAsync(postgresAdmin, $"CREATE DATABASE {postgresName}");
            configuration.Add("--Samordna:Database:Provider=Postgres");
            configuration.Add($"--ConnectionStrings:Samordna={new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresName }}");
        }
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}";
        Console.WriteLine($"Crash safety on {(postgresName is null ? "SQLite (WAL) in " + directory.FullName : "PostgreSQL " + postgresName)}: " +
                          $"{respondents} respondents, {concurrency} at once, SIGKILL after {killAt:P0} acknowledged");
        try
        {
            var (round, links) = await PrepareAsync(configuration, address, respondents);
            var log = Path.Combine(directory.FullName, "server.log");

            // Phase 1: load, then SIGKILL once enough submissions are acknowledged.
            var server = Server.Start(configuration, address, log);
            await server.WaitHealthyAsync(address);
            var acknowledged = new ConcurrentDictionary<int, bool>();
            var inFlightAtKill = new ConcurrentDictionary<int, bool>();
            var attempted = new ConcurrentDictionary<int, bool>();
            var failures = new ConcurrentBag<string>();
            var killed = 0;
            var killWatch = new Stopwatch();
            var queue = new ConcurrentQueue<int>(Enumerable.Range(0, links.Count));
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
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
            }));
            var phase1 = watch.Elapsed;
            Console.WriteLine($"Phase 1: {attempted.Count} attempted, {acknowledged.Count} acknowledged, {inFlightAtKill.Count} cut by the kill, in {phase1.TotalSeconds:0.0} s");

            // Phase 2: restart on the same database; every link not acknowledged is tried again. A link whose
            // answers were committed just before the kill is refused as used; the others now go through.
            server = Server.Start(configuration, address, log);
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
            var check = await CheckAsync(configuration, round);
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
            var ok = missing == 0 && usedButMissing == 0 && check.HalfWritten == 0 && duplicates == 0 && failures.IsEmpty
                     && check.Records == respondents && check.Answered == respondents && check.Integrity is "ok" or "not applicable (PostgreSQL)";
            Console.WriteLine(ok ? "RESULT: nothing acknowledged was lost, nothing half-written is visible" : "RESULT: FAILED");
            return ok ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (postgresName is not null) await AdminAsync(postgresAdmin!, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
            try { directory.Delete(recursive: true); } catch (IOException) { }
        }
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

    /// <summary>An association, a Spindeln round, a register and one personal link per respondent, written before the server starts.</summary>
    private static async Task<(int Round, List<string> Links)> PrepareAsync(List<string> configuration, string address, int respondents)
    {
        var app = SamordnaApp.CreateBuilder([.. configuration, "--Logging:LogLevel:Default=None"]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        await s.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        return await SpindelnRound.PrepareAsync(s, address, respondents, "Kraschprov", "222009998");
    }

    private sealed record Check(int Records, int Answered, int HalfWritten, Dictionary<int, int> Nonces, string Integrity);

    private static async Task<Check> CheckAsync(List<string> configuration, int round)
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
        return new Check(records.Count, answered, records.Count(r => r.Answers != Items || r.Comments.Count != 1), nonces, integrity);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The server as a separate process (Samordna.Web.dll beside this one), its output appended to a log file.</summary>
    private sealed class Server
    {
        private readonly Process process;

        private Server(Process process) => this.process = process;

        public static Server Start(List<string> configuration, string address, string log)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Samordna.Web.dll"));
            foreach (var argument in configuration) info.ArgumentList.Add(argument);
            info.ArgumentList.Add($"--urls={address}");
            info.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
            // Every respondent here shares 127.0.0.1: the survey form's per-address limit is lifted.
            info.ArgumentList.Add("--Samordna:RateLimits:Survey:Limit=100000000");
            var process = Process.Start(info)!;
            var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new Server(process);
        }

        public async Task WaitHealthyAsync(string address)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            for (var attempt = 0; attempt < 300; attempt++)
            {
                if (process.HasExited) throw new InvalidOperationException($"Servern avslutades med kod {process.ExitCode}; se server.log.");
                try
                {
                    if ((await client.GetAsync($"{address}/health")).IsSuccessStatusCode) return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                await Task.Delay(200);
            }
            throw new TimeoutException("Servern svarade inte på /health inom 60 sekunder.");
        }

        /// <summary>Process.Kill sends SIGKILL on Linux.</summary>
        public void Kill()
        {
            process.Kill();
            process.WaitForExit();
        }
    }
}
