using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Data;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// Many respondents at once for minutes against the real server as a child process on loopback: each walks the
/// Gävleborg staff survey behind a personal link (start page, screening, units, questions and send, with the
/// stylesheet after each page) and then takes the next link. Records each request's latency by kind, counts
/// errors, samples the server's memory from /proc, and checks afterwards that every acknowledged submission is
/// stored. Exit code 1 on any error.
/// </summary>
public static class LoadTest
{
    private static readonly string[] Municipalities = ["2180", "2181", "2182", "2183", "2184"]; // Gävle, Sandviken, Söderhamn, Bollnäs, Hudiksvall
    private static readonly string[] CountyParts = ["Norra Hälsingland", "Södra Hälsingland", "Västra Gästrikland", "Gävle"];

    public static async Task<int> RunAsync(int respondents, double minutes, int linkCount, int thinkMilliseconds, string? postgresAdmin)
    {
        await using var database = await ScratchDatabase.CreateAsync("load", postgresAdmin);
        var address = ChildServer.FreeLoopbackAddress();
        Console.WriteLine($"Load on {database.Description}: {respondents} respondents at once for {minutes} min" +
                          (thinkMilliseconds > 0 ? $", {thinkMilliseconds} ms to read each page" : ", no pause between pages") + $"; preparing {linkCount:N0} links");
        var prepare = Stopwatch.StartNew();
        var (round, links) = await PrepareAsync(database.Configuration, address, linkCount);
        Console.WriteLine($"Prepared in {prepare.Elapsed.TotalSeconds:0} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average before: {LoadAverage()}");

        using var server = ChildServer.Start(database.Configuration, address, Path.Combine(database.Directory.FullName, "server.log"));
        await server.WaitHealthyAsync(address);
        var memory = new MemorySampler(server.ProcessId);
        var timings = new ConcurrentQueue<PageTiming>();
        var errors = new ConcurrentQueue<string>();
        var acknowledged = 0;
        var queue = new ConcurrentQueue<string>(links);
        var ranOut = false;
        var deadline = TimeSpan.FromMinutes(minutes);
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampling = memory.RunAsync(TimeSpan.FromSeconds(2), stop.Token);
        var progress = ProgressAsync(watch, timings, errors, () => acknowledged, memory, stop.Token);

        await Task.WhenAll(Enumerable.Range(0, respondents).Select(n => Task.Run(async () =>
        {
            var respondent = new BrowserRespondent(new Random(n));
            while (watch.Elapsed < deadline)
            {
                if (!queue.TryDequeue(out var link)) { ranOut = true; return; }
                await respondent.WalkAsync(link, timing =>
                {
                    timings.Enqueue(timing);
                    if (timing.Error is not null) errors.Enqueue($"{timing.Kind}: {timing.Error}");
                    else if (timing.Kind == PageKind.Submit) Interlocked.Increment(ref acknowledged);
                }, thinkMilliseconds);
            }
        })));
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(sampling, progress);

        var stored = await StoredAsync(database.Configuration, round);
        server.Kill();
        var all = timings.ToList();
        Console.WriteLine();
        Console.WriteLine($"Ran {elapsed.TotalSeconds:0} s: {acknowledged:N0} submissions acknowledged ({acknowledged / elapsed.TotalSeconds:0.0}/s), " +
                          $"{all.Count:N0} requests ({all.Count / elapsed.TotalSeconds:0}/s), {errors.Count} errors");
        Console.WriteLine("| Request | Count | p50 ms | p95 ms | p99 ms | max ms | Errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var kind in Enum.GetValues<PageKind>())
        {
            var of = all.Where(t => t.Kind == kind).ToList();
            var ms = of.Where(t => t.Error is null).Select(t => t.Milliseconds).Order().ToList();
            Console.WriteLine($"| {Label(kind)} | {of.Count:N0} | {Percentile(ms, 50):0} | {Percentile(ms, 95):0} | {Percentile(ms, 99):0} | {(ms.Count == 0 ? 0 : ms[^1]):0} | {of.Count(t => t.Error is not null)} |");
        }
        Console.WriteLine($"Server memory (VmRSS from /proc/{server.ProcessId}/status, every 2 s): {memory.Summary}");
        Console.WriteLine($"Server CPU: {memory.CpuSeconds:0} s over {elapsed.TotalSeconds:0} s = {memory.CpuSeconds / elapsed.TotalSeconds:0.00} of {Environment.ProcessorCount} cores; " +
                          "GC heap: not sampled (the server exposes no memory figures, by design)");
        Console.WriteLine($"Stored: {stored.Answered:N0} invitations answered, {stored.Respondents:N0} distinct respondents in the records (acknowledged {acknowledged:N0})");
        foreach (var error in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10)) Console.WriteLine($"  {error.Count()} × {error.Key}");
        if (ranOut) Console.WriteLine($"The {linkCount:N0} links ran out before the time was up: run again with more --links.");
        Console.WriteLine($"Load average of the machine at the end (1, 5, 15 min; this run and anything else on it): {LoadAverage()}");
        var ok = errors.IsEmpty && !ranOut && stored.Answered == acknowledged && stored.Respondents == acknowledged;
        Console.WriteLine(ok ? "RESULT: no errors, every acknowledged submission stored" : "RESULT: FAILED");
        return ok ? 0 : 1;
    }

    private static string LoadAverage() => ProcessCpu.LoadAverage();

    private static string Label(PageKind kind) => kind switch
    {
        PageKind.Start => "start page (GET link)",
        PageKind.Step => "step (POST screening or units, next form back)",
        PageKind.Submit => "submit (POST answers, thank-you page back)",
        _ => "stylesheet (GET, after every page)",
    };

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static async Task ProgressAsync(Stopwatch watch, ConcurrentQueue<PageTiming> timings, ConcurrentQueue<string> errors, Func<int> acknowledged, MemorySampler memory, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), stop);
                Console.WriteLine($"  {watch.Elapsed.TotalSeconds:0} s: {acknowledged():N0} submitted, {timings.Count:N0} requests, {errors.Count} errors, server VmRSS {memory.LatestMegabytes} MB, {memory.Threads} threads");
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>An association with five member municipalities, a staff-survey round and a register of people in four county parts, written before the server starts.</summary>
    private static async Task<(int Round, List<string> Links)> PrepareAsync(List<string> configuration, string address, int count)
    {
        var app = SamordnaApp.CreateBuilder([.. configuration, "--Logging:LogLevel:Default=None"]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        var register = new StringBuilder("email;unit:county_part\n");
        for (var i = 0; i < count; i++) register.Append($"person{i}@last.se;{CountyParts[i % CountyParts.Length]}\n");
        return await RoundSetup.PrepareAsync(scope.ServiceProvider, address, "Lasttest", "222009997", "gavleborg-2016-staff", Municipalities, register.ToString());
    }

    private static async Task<(int Answered, int Respondents)> StoredAsync(List<string> configuration, int round)
    {
        var app = SamordnaApp.CreateBuilder([.. configuration, "--Logging:LogLevel:Default=None"]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDb>();
        return (await db.SurveyInvitations.CountAsync(i => i.RoundId == round && i.Answered),
                await db.SurveyRecords.Where(r => r.RoundId == round).Select(r => r.RespondentKey).Distinct().CountAsync());
    }
}

/// <summary>The server's resident memory, threads and CPU time, read from /proc (Linux) while the load runs.</summary>
public sealed class MemorySampler(int processId)
{
    private readonly ConcurrentQueue<long> residentKilobytes = new();
    private long peakKilobytes;
    private int threads, mostThreads;

    public long LatestMegabytes => residentKilobytes.LastOrDefault() / 1024;
    public int Threads => threads;
    public double CpuSeconds { get; private set; }

    public string Summary
    {
        get
        {
            var samples = residentKilobytes.Order().ToList();
            if (samples.Count == 0) return "no samples (no /proc?)";
            return $"first {residentKilobytes.First() / 1024} MB, median {samples[samples.Count / 2] / 1024} MB, highest sampled {samples[^1] / 1024} MB, " +
                   $"last {residentKilobytes.Last() / 1024} MB; peak (VmHWM) {peakKilobytes / 1024} MB; threads: {threads} at the end, at most {mostThreads}";
        }
    }

    public async Task RunAsync(TimeSpan every, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                Sample();
                await Task.Delay(every, stop);
            }
        }
        catch (OperationCanceledException) { Sample(); }
    }

    private void Sample()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:")) residentKilobytes.Enqueue(Kilobytes(line));
                if (line.StartsWith("VmHWM:")) peakKilobytes = Kilobytes(line);
                // A thread count that keeps climbing under steady load means requests block threads (pool starvation).
                if (line.StartsWith("Threads:")) mostThreads = Math.Max(mostThreads, threads = (int)Kilobytes(line));
            }
            CpuSeconds = ProcessCpu.Seconds(processId);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException) { } // the process may have just ended
    }

    /// <summary>The number in a status line such as "VmRSS:\t  171456 kB" or "Threads:\t42".</summary>
    private static long Kilobytes(string line) => long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1]);
}
