using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// Answer submissions over loopback HTTP: the real server, personal links, the form and its antiforgery token,
/// many respondents at once. Counts submitted pages per second and checks that every acknowledged answer is stored.
/// </summary>
public static partial class Throughput
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
        {
            var s = scope.ServiceProvider;
            var association = (await s.GetRequiredService<CreateAssociation>().HandleAsync(new("Genomströmning", $"222009-999{Samordna.Core.Associations.Luhn.CheckDigit("222009999")}", "2016-01-01", ["21"], ["2180"]))).Value!;
            round = (await s.GetRequiredService<CreateRound>().HandleAsync(association.Id, new("spindeln", "Genomströmning", null))).Value!.Id;
            var register = new StringBuilder("email\n");
            for (var i = 0; i < respondents; i++) register.Append($"person{i}@bench.se\n");
            await s.GetRequiredService<Distribution>().ImportRegisterAsync(round, "register.csv", Encoding.UTF8.GetBytes(register.ToString()));
            var csv = Encoding.UTF8.GetString((await s.GetRequiredService<Distribution>().CreateLinksAsync(round, address))!);
            links = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[1]).ToList();
        }

        var acknowledged = 0;
        var failures = new ConcurrentBag<string>();
        var queue = new ConcurrentQueue<string>(links);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var link))
            {
                using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
                var form = await client.GetStringAsync(link);
                var token = Antiforgery().Match(form).Groups[1].Value;
                var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("step", "questions"), new("submit", "true") };
                for (var i = 1; i <= 9; i++) fields.Add(new($"S{i}", (i % 5).ToString()));
                var response = await client.PostAsync(link, new FormUrlEncodedContent(fields));
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("Tack!")) Interlocked.Increment(ref acknowledged);
                else failures.Add($"{(int)response.StatusCode} {link}");
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
