using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Data;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// Answer submissions over loopback HTTP: the real server as a child process, personal links, the form and its
/// antiforgery token, many respondents at once. Counts submitted pages per second, the server's own CPU time per
/// submission (from /proc, so the client's share of the two cores is kept apart), and checks that every
/// acknowledged answer is stored.
/// </summary>
public static class Throughput
{
    public static async Task<int> RunAsync(int respondents, int concurrency, int warmup, int window, bool freshConnections, string? postgresAdmin)
    {
        await using var database = await ScratchDatabase.CreateAsync("throughput", postgresAdmin);
        var address = ChildServer.FreeLoopbackAddress();
        var (round, links) = await PrepareAsync(database.Configuration, address, warmup + respondents);
        using var server = ChildServer.Start(database.Configuration, address, Path.Combine(database.Directory.FullName, "server.log"));
        await server.WaitHealthyAsync(address);
        using var shared = SpindelnRound.SharedClient(concurrency);
        Console.WriteLine($"Throughput on {database.Description} (server process {server.ProcessId}): {respondents} submissions, {concurrency} at once, after {warmup} not timed; " +
                          (freshConnections ? "a new client and connection per submission" : "connections kept open and reused") +
                          $"; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        await SubmitAllAsync(links.Take(warmup), concurrency, shared, freshConnections); // JIT, pools, caches
        var loadBefore = ProcessCpu.LoadAverage();
        // Timed in windows, so a server still warming up (tiered JIT) shows as such instead of blurring the total.
        var total = new Window(0, 0, 0, 0);
        var failures = new ConcurrentBag<string>();
        foreach (var chunk in links.Skip(warmup).Chunk(window))
        {
            var measured = await MeasureAsync(server.ProcessId, () => SubmitAllAsync(chunk, concurrency, shared, freshConnections, failures));
            total += measured;
            Console.WriteLine($"  window of {chunk.Length}: {measured.Describe()}");
        }

        var stored = await StoredAsync(database.Configuration, round) - warmup;
        Console.WriteLine($"Submissions over loopback HTTP: {total.Acknowledged} acknowledged of {respondents} in {total.Seconds:0.0} s " +
                          $"= {total.PagesPerSecond:0} submitted answer pages/s ({2 * total.PagesPerSecond:0} requests/s); " +
                          $"stored {stored}, lost {total.Acknowledged - stored}, failed {failures.Count}");
        Console.WriteLine($"Server CPU {total.ServerCpu:0.0} s = {total.ServerMilliseconds:0.00} ms per submission " +
                          $"= {total.Acknowledged / Math.Max(0.01, total.ServerCpu):0} pages/s per server core; server used {total.ServerCpu / total.Seconds:0.00} cores, " +
                          $"client {total.ClientCpu / total.Seconds:0.00} cores ({1000 * total.ClientCpu / Math.Max(1, total.Acknowledged):0.00} ms per submission)");
        Console.WriteLine($"Load average before the timed part: {loadBefore}; after: {ProcessCpu.LoadAverage()} (this run and anything else on the machine)");
        foreach (var failure in failures.Take(5)) Console.WriteLine($"  {failure}");
        server.Kill();
        return failures.IsEmpty && stored == total.Acknowledged ? 0 : 1;
    }

    /// <summary>Submissions acknowledged in a stretch of time, with the server's and this process's CPU seconds.</summary>
    private sealed record Window(int Acknowledged, double Seconds, double ServerCpu, double ClientCpu)
    {
        public double PagesPerSecond => Acknowledged / Math.Max(0.001, Seconds);
        public double ServerMilliseconds => 1000 * ServerCpu / Math.Max(1, Acknowledged);

        public static Window operator +(Window a, Window b) =>
            new(a.Acknowledged + b.Acknowledged, a.Seconds + b.Seconds, a.ServerCpu + b.ServerCpu, a.ClientCpu + b.ClientCpu);

        public string Describe() => $"{PagesPerSecond:0} pages/s, server {ServerMilliseconds:0.00} ms CPU per submission ({ServerCpu / Math.Max(0.001, Seconds):0.00} cores)";
    }

    private static async Task<Window> MeasureAsync(int serverProcess, Func<Task<int>> submit)
    {
        var serverBefore = ProcessCpu.Seconds(serverProcess);
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var acknowledged = await submit();
        return new Window(acknowledged, watch.Elapsed.TotalSeconds, ProcessCpu.Seconds(serverProcess) - serverBefore,
            (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds);
    }

    private static async Task<int> SubmitAllAsync(IEnumerable<string> links, int concurrency, HttpClient shared, bool freshConnections, ConcurrentBag<string>? failures = null)
    {
        var acknowledged = 0;
        failures ??= [];
        var queue = new ConcurrentQueue<string>(links);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var link))
            {
                var (status, page) = freshConnections ? await SpindelnRound.SubmitAsync(link, 0) : await SpindelnRound.SubmitAsync(shared, link, 0);
                if ((int)status < 400 && page.Contains("Tack!")) Interlocked.Increment(ref acknowledged);
                else failures.Add($"{(int)status} {link}");
            }
        }));
        return acknowledged;
    }

    /// <summary>A Spindeln round with its register and links, written before the server starts.</summary>
    private static async Task<(int Round, List<string> Links)> PrepareAsync(List<string> configuration, string address, int count)
    {
        var app = SamordnaApp.CreateBuilder([.. configuration, "--Logging:LogLevel:Default=None"]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        return await SpindelnRound.PrepareAsync(scope.ServiceProvider, address, count, "Genomströmning", "222009999");
    }

    private static async Task<int> StoredAsync(List<string> configuration, int round)
    {
        var app = SamordnaApp.CreateBuilder([.. configuration, "--Logging:LogLevel:Default=None"]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SamordnaDb>().SurveyRecords.CountAsync(r => r.RoundId == round);
    }
}
