using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Reports;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// The annual report (issue 7, item 8) on national-scale data: 75 associations with interventions, budgets and
/// participant episodes (500,000 by default, over five budget years, with exit and follow-up measurements), timed
/// against one hand-written SQL statement returning the same numbers: budget and outcome per intervention, participants
/// per intervention and gender, and in work or studies per intervention at exit, 90 days and a year.
/// </summary>
public static class AnnualReportBench
{
    private const int Year = 2019;
    private static readonly string[] Occupations = ["Work", "Studies", "SubsidisedWork", "JobSeeking", "SickLeave", "RehabilitationOrTreatment", "JobSeeking", "None", "Work", "LabourMarketProgramme"];
    private static readonly string[] Genders = ["Woman", "Man", "Woman", "Man", "Other"];

    public static async Task RunAsync(string[] configuration, int associations, int episodes, int interventionsPer)
    {
        var app = SamordnaApp.CreateBuilder(configuration).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        var db = services.GetRequiredService<SamordnaDb>();
        var postgres = db.Database.IsNpgsql();
        Console.WriteLine($"Annual report on {(postgres ? "PostgreSQL" : "SQLite")}: {associations} associations × {interventionsPer} interventions, {episodes:N0} episodes over 2017–2021");

        var generate = Stopwatch.StartNew();
        var ids = new List<int>();
        for (var a = 0; a < associations; a++)
        {
            var body = $"2221{a:D5}";
            var association = (await services.GetRequiredService<CreateAssociation>().HandleAsync(new(
                $"Årsrapportförbund {a}", $"{body[..6]}-{body[6..]}{Samordna.Core.Associations.Luhn.CheckDigit(body)}", "2016-01-01", ["21"], ["2180", "2181"]))).Value!;
            ids.Add(association.Id);
            await services.GetRequiredService<SetFunding>().HandleAsync(association.Id, Year, new(9_000_000, "equal", null, null));
            for (var i = 0; i < interventionsPer; i++)
            {
                var intervention = new Intervention
                {
                    AssociationId = association.Id, Name = $"Insats {i}", Kind = InterventionKind.IndividualFocused, MeasurementMethod = MeasurementMethod.PersonalData,
                    Status = InterventionStatus.Running, StartDate = new DateOnly(2017, 1, 1),
                };
                for (var y = 2017; y <= 2021; y++)
                    intervention.BudgetYears.Add(new InterventionBudgetYear
                    {
                        Year = y, PlannedParticipants = 100, ActualParticipants = 80 + i,
                        Lines = [new InterventionBudgetLine { Kind = BudgetLineKind.InterventionCost, Budget = 600_000 + 10_000 * i, Outcome = 550_000 + 9_000 * i },
                                 new InterventionBudgetLine { Kind = BudgetLineKind.Other, Label = "Regionens medfinansiering", Budget = 100_000, Outcome = 90_000 }],
                    });
                db.Interventions.Add(intervention);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await GenerateEpisodesAsync(db, ids, episodes, postgres);
        Console.WriteLine($"Generated in {generate.Elapsed.TotalSeconds:0.0} s");

        var query = services.GetRequiredService<AnnualReportQuery>();
        var target = ids[ids.Count / 2];
        var report = (await query.ForAsync(target, Year))!;
        Console.WriteLine($"Association {target}: {report.Interventions.Count} interventions, {report.Participants.Counts.All.Total} participants in {Year}");
        var ours = await Median(async () => (await query.ForAsync(target, Year))!.Interventions.Count);
        var raw = await Median(async () => await RawAsync(db, target));
        Console.WriteLine($"Annual report, one association, one year: ours {ours.TotalMilliseconds:0.0} ms, hand-written SQL {raw.TotalMilliseconds:0.0} ms, ratio {ours / raw:0.00}");
        // Where the time goes: the parts the report reads.
        var facts = await Median(async () => (await services.GetRequiredService<Samordna.Web.Features.Participants.ParticipantReportQueries>().FactsAsync(target, Year)).Count);
        var portfolio = await Median(async () => (await services.GetRequiredService<Samordna.Web.Features.Interventions.InterventionQueries>().PortfolioAsync(target, new(), Year)).Count);
        Console.WriteLine($"  of which participant facts {facts.TotalMilliseconds:0.0} ms, portfolio {portfolio.TotalMilliseconds:0.0} ms");
    }

    /// <summary>Set-based inserts: episodes in multi-row batches, then measurements derived from them in one statement per point.</summary>
    private static async Task GenerateEpisodesAsync(SamordnaDb db, List<int> associations, int episodes, bool postgres)
    {
        var interventions = await db.Interventions.Where(i => associations.Contains(i.AssociationId)).Select(i => new { i.Id, i.AssociationId }).ToListAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var now = postgres ? "'2022-01-01 00:00:00+00'" : "'2022-01-01 00:00:00'";
        var batch = new StringBuilder();
        var random = new Random(7);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var n = 0; n < episodes; n++)
        {
            var intervention = interventions[n % interventions.Count];
            var year = 2017 + n / interventions.Count % 5;
            var enrolled = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28));
            var exited = random.Next(10) < 8 ? enrolled.AddDays(60 + random.Next(300)) : (DateOnly?)null;
            batch.Append(batch.Length == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"({intervention.AssociationId},{intervention.Id},FALSE,'{enrolled:yyyy-MM-dd}',{(exited is { } x ? $"'{x:yyyy-MM-dd}'" : "NULL")},{(exited is null ? "NULL" : "'Other'")},'{Genders[n % Genders.Length]}','30–39 år',{year},'bench',{now})");
            if ((n + 1) % 1000 == 0 || n == episodes - 1)
            {
                await Execute(connection, transaction, "INSERT INTO \"Episodes\" (\"AssociationId\",\"InterventionId\",\"Anonymous\",\"EnrolledOn\",\"ExitedOn\",\"ExitReason\",\"Gender\",\"AgeBand\",\"BudgetYear\",\"CreatedBy\",\"CreatedAt\") VALUES " + batch);
                batch.Clear();
            }
        }
        // Exit measured for every exited episode, 90 days for two in three, a year for one in three; occupations by id.
        foreach (var (point, every) in new[] { ("Exit", 1), ("FollowUp90", 3), ("FollowUp365", 3) })
        {
            var occupation = "CASE " + string.Join(" ", Occupations.Select((o, i) => $"WHEN \"Id\" % {Occupations.Length} = {i} THEN '{o}'")) + " END";
            var pick = point == "Exit" ? "" : point == "FollowUp90" ? $" AND \"Id\" % {every} <> 0" : $" AND \"Id\" % {every} = 0";
            await Execute(connection, transaction, $"INSERT INTO \"ParticipantMeasurements\" (\"EpisodeId\",\"Point\",\"Occupation\",\"MeasuredOn\",\"RecordedBy\",\"RecordedAt\") " +
                $"SELECT \"Id\", '{point}', {occupation}, \"ExitedOn\", 'bench', {now} FROM \"Episodes\" WHERE \"ExitedOn\" IS NOT NULL AND \"CreatedBy\" = 'bench'{pick}");
        }
        await transaction.CommitAsync();
        if (postgres) await Execute(connection, null, "ANALYZE");
    }

    /// <summary>The same numbers as the report's money and participant sections, in one statement.</summary>
    private static async Task<int> RawAsync(SamordnaDb db, int association)
    {
        var sql = $"""
            SELECT 'budget', b."InterventionId", l."Kind", COUNT(*), SUM(l."Budget"), SUM(l."Outcome")
            FROM "InterventionBudgetYears" b JOIN "InterventionBudgetLines" l ON l."BudgetYearId" = b."Id" JOIN "Interventions" i ON i."Id" = b."InterventionId"
            WHERE i."AssociationId" = {association} AND b."Year" = {Year} GROUP BY b."InterventionId", l."Kind"
            UNION ALL
            SELECT 'gender', e."InterventionId", e."Gender", COUNT(*), NULL, NULL
            FROM "Episodes" e WHERE e."AssociationId" = {association} AND e."BudgetYear" = {Year} AND (e."ExitReason" IS NULL OR e."ExitReason" <> 'RegisteredByMistake')
            GROUP BY e."InterventionId", e."Gender"
            UNION ALL
            SELECT m."Point", e."InterventionId", CASE WHEN m."Occupation" IN ('Work', 'SubsidisedWork', 'Studies') THEN 'yes' ELSE 'no' END, COUNT(*), NULL, NULL
            FROM "Episodes" e JOIN "ParticipantMeasurements" m ON m."EpisodeId" = e."Id"
            WHERE e."AssociationId" = {association} AND e."BudgetYear" = {Year} AND e."ExitedOn" IS NOT NULL AND NOT e."Anonymous" AND m."Occupation" IS NOT NULL
              AND (e."ExitReason" IS NULL OR e."ExitReason" <> 'RegisteredByMistake')
              AND NOT EXISTS (SELECT 1 FROM "ParticipantMeasurements" c WHERE c."CorrectsId" = m."Id")
            GROUP BY m."Point", e."InterventionId", CASE WHEN m."Occupation" IN ('Work', 'SubsidisedWork', 'Studies') THEN 'yes' ELSE 'no' END
            """;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows++;
        return rows;
    }

    private static async Task<TimeSpan> Median(Func<Task<int>> run)
    {
        await run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed);
        }
        return times.Order().ElementAt(3);
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
