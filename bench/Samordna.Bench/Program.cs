using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Measurement;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Hosting;

// Survey results at scale: our results endpoint's work (one grouped SQL query, then the Core rules with
// suppression for every item and group) against one hand-written SQL statement computing the same counts,
// on the same database, in the same run. Prints the ratio. Not a test: run it by hand (see docs/benchmarks.md).
//
//   dotnet run -c Release --project bench/Samordna.Bench -- [--associations 10] [--rounds 2] [--respondents 1000]
//       [--Samordna:DataDirectory=/tmp/bench] [--Samordna:Database:Provider=Postgres --ConnectionStrings:Samordna=…]
//   dotnet run -c Release --project bench/Samordna.Bench -- --annual-report [--associations 75] [--episodes 500000] [--interventions 8]
//       (the annual report of one association on national-scale data against one hand-written SQL statement)
//   dotnet run -c Release --project bench/Samordna.Bench -- --throughput 20000 [--concurrency 32] [--warmup 20000] [--window 5000] [--fresh-connections] [--postgres "Host=…;Database=postgres"]
//       (answer submissions over loopback HTTP to the server as a child process; pages/s and the server's CPU per submission,
//       per window of submissions and in all: the server reaches its pace only after some 20,000 pages, see docs/benchmarks.md)
//   dotnet run -c Release --project bench/Samordna.Bench -- --crash 3000 [--concurrency 32] [--kill-at 40] [--registrations 2000] [--registrars 8] [--postgres "Host=…;Database=postgres"]
//       (survey submissions and participant registrations at once; SIGKILL the server mid-load, restart, check every
//       acknowledged write; exit code 1 if anything is lost or half-written)
//   dotnet run -c Release --project bench/Samordna.Bench -- --load [--respondents 200] [--minutes 5] [--links 60000] [--think-ms 0] [--postgres "Host=…;Database=postgres"]
//       (respondents at once walking the survey form for minutes; p50/p95/p99 per request kind, server memory; exit code 1 on any error)
//   dotnet run -c Release --project bench/Samordna.Bench -- --participants 500000 --associations 75 [--Samordna:Database:Provider=Postgres …]
//       (the participant report for one association and nationally against hand-written SQL; see ParticipantReportBench)

int Option(string name, int fallback) => (int)Number(name, fallback);
double Number(string name, double fallback)
{
    var index = Array.IndexOf(args, $"--{name}");
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
var associations = Option("associations", 10);
var roundsPer = Option("rounds", 2);
var respondents = Option("respondents", 1000);
var configuration = args.Where(a => a.Contains(':')).ToArray();
if (!configuration.Any(a => a.StartsWith("--Samordna:DataDirectory")))
{
    // A folder the bench chooses is its own, removed when it ends: national-scale SQLite files take hundreds of MB.
    var scratch = Path.Combine(Path.GetTempPath(), "samordna-bench-" + Guid.NewGuid().ToString("N")[..8]);
    configuration = [.. configuration, $"--Samordna:DataDirectory={scratch}"];
    AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true); }
        catch (IOException) { }
    };
}

var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
if (Array.IndexOf(args, "--crash") >= 0)
    return await Samordna.Bench.CrashSafety.RunAsync(Option("crash", 3000), Option("concurrency", 32), Option("kill-at", 40) / 100.0, postgres,
        Option("registrations", 2000), Option("registrars", 8));

if (Array.IndexOf(args, "--load") >= 0)
    return await Samordna.Bench.LoadTest.RunAsync(Option("respondents", 200), Number("minutes", 5), Option("links", 60000), Option("think-ms", 0), postgres);

if (Array.IndexOf(args, "--annual-report") >= 0)
    return await Samordna.Bench.AnnualReportBench.RunAsync(configuration, Option("associations", 75), Option("episodes", 500_000), Option("interventions", 8));

if (Array.IndexOf(args, "--participants") >= 0)
    return await Samordna.Bench.ParticipantReportBench.RunAsync(configuration, Option("participants", 500_000), associations);

if (Array.IndexOf(args, "--throughput") >= 0)
    return await Samordna.Bench.Throughput.RunAsync(Option("throughput", 20000), Option("concurrency", 32), Option("warmup", 20000), Option("window", 5000),
        Array.IndexOf(args, "--fresh-connections") >= 0, postgres);

var app = SamordnaApp.CreateBuilder(configuration).Build();
await using var scope = app.Services.CreateAsyncScope();
var services = scope.ServiceProvider;
await services.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
var db = services.GetRequiredService<SamordnaDb>();
var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
var instrument = BuiltInInstruments.Find("gavleborg-2016-staff")!;
var items = instrument.Items.Where(i => i.Kind == ItemKind.Single).Select(i => i.Code).ToArray();

Console.WriteLine($"Samordna.Bench on {provider}: {associations} associations × {roundsPer} rounds × {respondents} respondents × {items.Length} items");
var generate = Stopwatch.StartNew();
var roundIds = new List<int>();
for (var a = 0; a < associations; a++)
{
    var body = $"2220{a:D5}";
    var association = (await services.GetRequiredService<CreateAssociation>().HandleAsync(new(
        $"Benchmarkförbund {a}", $"{body[..6]}-{body[6..]}{Samordna.Core.Associations.Luhn.CheckDigit(body)}", "2016-01-01", ["21"], ["2180", "2181"]))).Value!;
    for (var r = 0; r < roundsPer; r++)
        roundIds.Add((await services.GetRequiredService<CreateRound>().HandleAsync(association.Id, new("gavleborg-2016-staff", $"Omgång {r}", null))).Value!.Id);
}
var answers = await Generate(db, roundIds, respondents, items);
Console.WriteLine($"Generated {answers:N0} answers in {generate.Elapsed.TotalSeconds:0.0} s");

var results = services.GetRequiredService<MeasurementResults>();
var round = roundIds[roundIds.Count / 2];
var ours = await Samordna.Bench.Timing.Median(async () => (await results.ResultsAsync(round, "county_part"))!.Items.Count);
var raw = await Samordna.Bench.Timing.Median(async () => await RawCountsAsync(db, round));
Console.WriteLine($"One round by county part: ours {ours.TotalMilliseconds:0.0} ms, hand-written SQL {raw.TotalMilliseconds:0.0} ms, ratio {ours / raw:0.00}");
var oursAll = await Samordna.Bench.Timing.Median(async () => (await results.ResultsAsync(round, null))!.Items.Count);
var rawAll = await Samordna.Bench.Timing.Median(async () => await RawCountsAsync(db, round, byCountyPart: false));
Console.WriteLine($"One round, all together: ours {oursAll.TotalMilliseconds:0.0} ms, hand-written SQL {rawAll.TotalMilliseconds:0.0} ms, ratio {oursAll / rawAll:0.00}");
Console.WriteLine($"Memory in use after the run: {GC.GetTotalMemory(false) / 1024 / 1024} MB managed, {Environment.WorkingSet / 1024 / 1024} MB working set");
return 0;

// The same counts the results need, as one statement a person would write by hand.
static async Task<int> RawCountsAsync(SamordnaDb db, int round, bool byCountyPart = true)
{
    var connection = db.Database.GetDbConnection();
    if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = byCountyPart
        ? $"""
          SELECT a."ItemCode", u."Value", a."Value", COUNT(*) FROM "SurveyAnswers" a
          JOIN "SurveyRecords" r ON r."Id" = a."RecordId"
          LEFT JOIN "SurveyRecordUnits" u ON u."RecordId" = r."Id" AND u."Attribute" = 'county_part'
          WHERE r."RoundId" = {round} GROUP BY a."ItemCode", u."Value", a."Value"
          """
        : $"""
          SELECT a."ItemCode", a."Value", COUNT(*) FROM "SurveyAnswers" a
          JOIN "SurveyRecords" r ON r."Id" = a."RecordId"
          WHERE r."RoundId" = {round} GROUP BY a."ItemCode", a."Value"
          """;
    await using var reader = await command.ExecuteReaderAsync();
    var rows = 0;
    while (await reader.ReadAsync()) rows++;
    return rows;
}

// Bulk rows in plain multi-row INSERTs with explicit ids: the generator measures nothing, it only fills.
static async Task<long> Generate(SamordnaDb db, List<int> rounds, int respondents, string[] items)
{
    string[] parts = ["Norra Hälsingland", "Södra Hälsingland", "Västra Gästrikland", "Gävle"];
    var random = new Random(1);
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    long recordId = 0, unitId = 0, answerId = 0;
    foreach (var round in rounds)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var records = new StringBuilder();
        var units = new StringBuilder();
        var answerRows = new StringBuilder();
        for (var p = 0; p < respondents; p++)
        {
            recordId++;
            Append(records, $"({recordId}, {round})");
            Append(units, $"({++unitId}, {recordId}, 'county_part', '{parts[random.Next(parts.Length)]}')");
            foreach (var item in items)
            {
                var roll = random.Next(20);
                var value = roll == 0 ? "NULL" : roll == 1 ? "'vet-ej'" : $"'{(item is "KONTAKT" or "STRUKTUR" or "MANDAT" ? (random.Next(2) == 0 ? "ja" : "nej") : (1 + random.Next(6)).ToString())}'";
                Append(answerRows, $"({++answerId}, {recordId}, '{item}', {value})");
            }
        }
        await Samordna.Bench.GeneratedData.Execute(connection, transaction, $"INSERT INTO \"SurveyRecords\" (\"Id\", \"RoundId\") VALUES {records}");
        await Samordna.Bench.GeneratedData.Execute(connection, transaction, $"INSERT INTO \"SurveyRecordUnits\" (\"Id\", \"RecordId\", \"Attribute\", \"Value\") VALUES {units}");
        await Samordna.Bench.GeneratedData.Execute(connection, transaction, $"INSERT INTO \"SurveyAnswers\" (\"Id\", \"RecordId\", \"ItemCode\", \"Value\") VALUES {answerRows}");
        await transaction.CommitAsync();
    }
    await Samordna.Bench.GeneratedData.Execute(connection, null, db.Database.IsNpgsql() ? "ANALYZE" : "ANALYZE;");
    return answerId;

    static void Append(StringBuilder sb, string row) => sb.Append(sb.Length == 0 ? "" : ",").Append(row);
}

