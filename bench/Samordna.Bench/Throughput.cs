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
    public static async Task<int> RunAsync(int respondents, int concurrency, int warmup, bool freshConnections, string? postgresAdmin)
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
        var serverBefore = ProcessCpu.Seconds(server.ProcessId);
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (acknowledged, failures) = await SubmitAllAsync(links.Skip(warmup), concurrency, shared, freshConnections);
        var elapsed = watch.Elapsed.TotalSeconds;
        var serverCpu = ProcessCpu.Seconds(server.ProcessId) - serverBefore;
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds;

        var stored = await StoredAsync(database.Configuration, round) - warmup;
        Console.WriteLine($"Submissions over loopback HTTP: {acknowledged} acknowledged of {respondents} in {elapsed:0.0} s " +
                          $"= {acknowledged / elapsed:0} submitted answer pages/s ({2 * acknowledged / elapsed:0} requests/s); " +
                          $"stored {stored}, lost {acknowledged - stored}, failed {failures.Count}");
        Console.WriteLine($"Server CPU {serverCpu:0.0} s = {1000 * serverCpu / Math.Max(1, acknowledged):0.00} ms per submission " +
                          $"= {acknowledged / Math.Max(0.01, serverCpu):0} pages/s per server core; server used {serverCpu / elapsed:0.00} cores, " +
                          $"client {clientCpu / elapsed:0.00} cores ({1000 * clientCpu / Math.Max(1, acknowledged):0.00} ms per submission)");
        Console.WriteLine($"Load average before the timed part: {loadBefore}; after: {ProcessCpu.LoadAverage()} (this run and anything else on the machine)");
        foreach (var failure in failures.Take(5)) Console.WriteLine($"  {failure}");
        server.Kill();
        return failures.IsEmpty && stored == acknowledged ? 0 : 1;
    }

    private static async Task<(int Acknowledged, ConcurrentBag<string> Failures)> SubmitAllAsync(IEnumerable<string> links, int concurrency, HttpClient shared, bool freshConnections)
    {
        var acknowledged = 0;
        var failures = new ConcurrentBag<string>();
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
        return (acknowledged, failures);
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
