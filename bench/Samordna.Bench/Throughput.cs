using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Data;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// Answer submissions over loopback HTTP: the real server, personal links, the form and its antiforgery token,
/// many respondents at once. Counts submitted pages per second and checks that every acknowledged answer is stored.
/// </summary>
public static class Throughput
{
    public static async Task RunAsync(string[] configuration, int respondents, int concurrency)
    {
        // All respondents share 127.0.0.1 here: the per-address limit of the survey form is lifted.
        var app = SamordnaApp.Build([.. configuration, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Samordna:RateLimits:Survey:Limit=100000000"]);
        await WebStart.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        List<string> links;
        int round;
        await using (var scope = app.Services.CreateAsyncScope())
            (round, links) = await SpindelnRound.PrepareAsync(scope.ServiceProvider, address, respondents, "Genomströmning", "222009999");

        var acknowledged = 0;
        var failures = new ConcurrentBag<string>();
        var queue = new ConcurrentQueue<string>(links);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var link))
            {
                var (status, page) = await SpindelnRound.SubmitAsync(link, 0);
                if ((int)status < 400 && page.Contains("Tack!")) Interlocked.Increment(ref acknowledged);
                else failures.Add($"{(int)status} {link}");
            }
        }));
        var elapsed = watch.Elapsed;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<SamordnaDb>().SurveyRecords.CountAsync(r => r.RoundId == round);
            Console.WriteLine($"Submissions over loopback HTTP: {acknowledged} acknowledged of {respondents} in {elapsed.TotalSeconds:0.0} s with {concurrency} at once " +
                              $"= {acknowledged / elapsed.TotalSeconds:0} submitted answer pages/s ({2 * acknowledged / elapsed.TotalSeconds:0} requests/s); " +
                              $"stored {stored}, lost {acknowledged - stored}, failed {failures.Count}");
        }
        await app.StopAsync();
    }
}
