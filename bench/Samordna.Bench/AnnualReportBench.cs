using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Interventions;
using Samordna.Core.Participants;
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

    public static async Task<int> RunAsync(string[] configuration, int associations, int episodes, int interventionsPer)
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
        var names = await db.Interventions.Where(i => i.AssociationId == target).ToDictionaryAsync(i => i.Id, i => i.Name);
        var rawRows = await RawAsync(db, target);
        var exit = report.Participants.WorkOrStudiesAtExit.All;
        var same = SameNumbers(report, rawRows, names);
        Console.WriteLine($"Same numbers as the hand-written SQL: {(same ? "yes" : "NO")} ({report.Participants.Counts.All.Total} participants, " +
            $"{exit.Cells[0].Count} of {exit.Total} in work or studies at exit, {rawRows.Count} SQL rows)");
        // The tables counted in SQL are the ones the participant report builds from every episode's facts.
        var facts = await services.GetRequiredService<Samordna.Web.Features.Participants.ParticipantReportQueries>().FactsAsync(target, Year);
        var asFacts = Json(ParticipantReport.Counts(facts, ReportBreakdown.Intervention)) == Json(report.Participants.Counts)
            && Enum.GetValues<OutcomePoint>().Zip(new[] { report.Participants.WorkOrStudiesAtExit, report.Participants.WorkOrStudiesAfter90Days, report.Participants.WorkOrStudiesAfter365Days })
                .All(x => Json(ParticipantReport.WorkOrStudies(facts, x.First, ReportBreakdown.Intervention)) == Json(x.Second));
        Console.WriteLine($"Same tables as the participant report's facts give: {(asFacts ? "yes" : "NO")}");
        same &= asFacts;
        // Taken in turns, so that other work on the machine weighs on both alike.
        var (ours, raw) = await Timing.Medians(async () => (await query.ForAsync(target, Year))!.Interventions.Count, async () => (await RawAsync(db, target)).Count);
        Console.WriteLine($"Annual report, one association, one year: ours {ours.TotalMilliseconds:0.0} ms, hand-written SQL {raw.TotalMilliseconds:0.0} ms, ratio {ours / raw:0.00}");
        await PartsAsync(services, target);
        return same ? 0 : 1;
    }

    /// <summary>Where the time goes: each part the report reads, timed alone (medians, so they need not add up exactly).</summary>
    private static async Task PartsAsync(IServiceProvider services, int target)
    {
        var participants = services.GetRequiredService<Samordna.Web.Features.Participants.ParticipantReportQueries>();
        var tallies = await participants.ByInterventionAsync(target, Year);
        var parts = new (string Name, Func<Task<int>> Run)[]
        {
            ("funding split", async () => (await services.GetRequiredService<FundingQueries>().SplitAsync(target, Year))?.Contributions.Count ?? 0),
            ("budget summary", async () => (int)(await services.GetRequiredService<Samordna.Web.Features.Interventions.InterventionQueries>().BudgetSummaryAsync(target, Year)).Total),
            ("meeting groups", async () => (await services.GetRequiredService<Samordna.Web.Features.Structures.StructureQueries>().GroupsAsync(target, Year)).Count),
            ("counted participants", async () => (await services.GetRequiredService<Samordna.Web.Features.Participants.CountedParticipants>().ForAssociationAsync(target, Year)).Count),
            ("participant tallies (grouped SQL)", async () => (await participants.ByInterventionAsync(target, Year)).Episodes.Count),
            ("four suppressed tables from the tallies (Core)", () => Task.FromResult(Tables(tallies))),
            ("for comparison: the participant facts the report used to read", async () => (await participants.FactsAsync(target, Year)).Count),
        };
        foreach (var (name, run) in parts)
            Console.WriteLine($"  {name}: {(await Timing.Median(run)).TotalMilliseconds:0.0} ms");
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
                $"({intervention.AssociationId},{intervention.Id},FALSE,'{enrolled:yyyy-MM-dd}',{(exited is { } x ? $"'{x:yyyy-MM-dd}'" : "NULL")},{(exited is null ? "NULL" : "'Other'")},'{Genders[n % Genders.Length]}','30–39 år',{year},'bench',{now},0)");
            if ((n + 1) % 1000 == 0 || n == episodes - 1)
            {
                await GeneratedData.Execute(connection, transaction, "INSERT INTO \"Episodes\" (\"AssociationId\",\"InterventionId\",\"Anonymous\",\"EnrolledOn\",\"ExitedOn\",\"ExitReason\",\"Gender\",\"AgeBand\",\"BudgetYear\",\"CreatedBy\",\"CreatedAt\",\"Revision\") VALUES " + batch);
                batch.Clear();
            }
        }
        // Exit measured for every exited episode, 90 days for two in three, a year for one in three; occupations by id.
        foreach (var (point, every) in new[] { ("Exit", 1), ("FollowUp90", 3), ("FollowUp365", 3) })
        {
            var occupation = "CASE " + string.Join(" ", Occupations.Select((o, i) => $"WHEN \"Id\" % {Occupations.Length} = {i} THEN '{o}'")) + " END";
            var pick = point == "Exit" ? "" : point == "FollowUp90" ? $" AND \"Id\" % {every} <> 0" : $" AND \"Id\" % {every} = 0";
            await GeneratedData.Execute(connection, transaction, $"INSERT INTO \"ParticipantMeasurements\" (\"EpisodeId\",\"Point\",\"Occupation\",\"MeasuredOn\",\"RecordedBy\",\"RecordedAt\") " +
                $"SELECT \"Id\", '{point}', {occupation}, \"ExitedOn\", 'bench', {now} FROM \"Episodes\" WHERE \"ExitedOn\" IS NOT NULL AND \"CreatedBy\" = 'bench'{pick}");
        }
        await transaction.CommitAsync();
        if (postgres) await GeneratedData.Execute(connection, null, "ANALYZE");
    }

    /// <summary>One row of the hand-written statement: what it counts, the intervention, a category, and up to three numbers.</summary>
    private sealed record RawRow(string Part, int InterventionId, string? Category, decimal A, decimal? B, decimal? C);

    /// <summary>
    /// The same numbers as the report's money and participant sections, in one statement: budget and outcome per
    /// intervention and line kind, participants per intervention (each person once, every unnamed episode apart) and
    /// per gender, count-only interventions' monthly counts, and current occupations at exit and the follow-ups in or
    /// out of work or studies.
    /// </summary>
    private static async Task<List<RawRow>> RawAsync(SamordnaDb db, int association)
    {
        const string counts = "(e.\"ExitReason\" IS NULL OR e.\"ExitReason\" <> 'RegisteredByMistake')";
        var sql = $"""
            SELECT 'budget', b."InterventionId", l."Kind", COUNT(*), SUM(l."Budget"), SUM(l."Outcome")
            FROM "InterventionBudgetYears" b JOIN "InterventionBudgetLines" l ON l."BudgetYearId" = b."Id" JOIN "Interventions" i ON i."Id" = b."InterventionId"
            WHERE i."AssociationId" = {association} AND b."Year" = {Year} GROUP BY b."InterventionId", l."Kind"
            UNION ALL
            SELECT 'people', e."InterventionId", NULL, COUNT(DISTINCT e."ParticipantId") + SUM(CASE WHEN e."ParticipantId" IS NULL THEN 1 ELSE 0 END), NULL, NULL
            FROM "Episodes" e WHERE e."AssociationId" = {association} AND e."BudgetYear" = {Year} AND {counts}
            GROUP BY e."InterventionId"
            UNION ALL
            SELECT 'gender', e."InterventionId", e."Gender", COUNT(*), NULL, NULL
            FROM "Episodes" e WHERE e."AssociationId" = {association} AND e."BudgetYear" = {Year} AND {counts}
            GROUP BY e."InterventionId", e."Gender"
            UNION ALL
            SELECT 'monthly', c."InterventionId", NULL, SUM(c."Women"), SUM(c."Men"), SUM(c."Other")
            FROM "MonthlyCounts" c JOIN "Interventions" i ON i."Id" = c."InterventionId"
            WHERE i."AssociationId" = {association} AND c."Year" = {Year} GROUP BY c."InterventionId"
            UNION ALL
            SELECT m."Point", e."InterventionId", CASE WHEN m."Occupation" IN ('Work', 'SubsidisedWork', 'Studies') THEN 'yes' ELSE 'no' END, COUNT(*), NULL, NULL
            FROM "Episodes" e JOIN "ParticipantMeasurements" m ON m."EpisodeId" = e."Id" LEFT JOIN "Participants" p ON p."Id" = e."ParticipantId"
            WHERE e."AssociationId" = {association} AND e."BudgetYear" = {Year} AND e."ExitedOn" IS NOT NULL AND NOT e."Anonymous"
              AND (p."Id" IS NULL OR NOT p."Restricted") AND m."Occupation" IS NOT NULL AND m."Point" <> 'Enrolment' AND {counts}
              AND NOT EXISTS (SELECT 1 FROM "ParticipantMeasurements" c WHERE c."CorrectsId" = m."Id")
            GROUP BY m."Point", e."InterventionId", CASE WHEN m."Occupation" IN ('Work', 'SubsidisedWork', 'Studies') THEN 'yes' ELSE 'no' END
            """;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<RawRow>();
        await using var reader = await command.ExecuteReaderAsync();
        decimal? Number(int i) => reader.IsDBNull(i) ? null : Convert.ToDecimal(reader.GetValue(i), CultureInfo.InvariantCulture);
        while (await reader.ReadAsync())
            rows.Add(new RawRow(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.IsDBNull(2) ? null : reader.GetString(2),
                Number(3)!.Value, Number(4), Number(5)));
        return rows;
    }

    /// <summary>
    /// Ours and the hand-written SQL give the same numbers: the money and participants per intervention, and the four
    /// participant tables, which the SQL's counts give once put through Core's suppression (compared as JSON, hidden
    /// cells included). Prints what differs; false if anything does.
    /// </summary>
    private static bool SameNumbers(AnnualReport report, List<RawRow> raw, IReadOnlyDictionary<int, string> names)
    {
        var differences = new List<string>();
        foreach (var line in report.Interventions)
        {
            var budget = raw.Where(r => r.Part == "budget" && r.InterventionId == line.Id).ToList();
            var own = budget.Where(r => r.Category == nameof(BudgetLineKind.InterventionCost)).ToList();
            if (line.Budget != (budget.Count == 0 ? null : own.Sum(r => r.B ?? 0))) differences.Add($"{line.Name}: budget {line.Budget} mot {own.Sum(r => r.B)}");
            if (line.Outcome is { } outcome && outcome != own.Sum(r => r.C ?? 0)) differences.Add($"{line.Name}: utfall {outcome} mot {own.Sum(r => r.C)}");
            var people = raw.SingleOrDefault(r => r.Part == "people" && r.InterventionId == line.Id)?.A;
            if (line.ParticipantSource == ParticipantSource.FollowUp && line.Participants != people)
                differences.Add($"{line.Name}: deltagare {line.Participants} mot {people}");
        }
        var gender = raw.Where(r => r.Part == "gender").Select(r => (names[r.InterventionId], ParticipantNames.Swedish(Enum.Parse<Gender>(r.Category!)), (long)r.A))
            .Concat(raw.Where(r => r.Part == "monthly").SelectMany(r => new[]
            {
                (names[r.InterventionId], ParticipantNames.Swedish(Gender.Woman), (long)r.A),
                (names[r.InterventionId], ParticipantNames.Swedish(Gender.Man), (long)r.B!.Value),
                (names[r.InterventionId], ParticipantNames.Swedish(Gender.Other), (long)r.C!.Value),
            }));
        var genders = Enum.GetValues<Gender>().Select(ParticipantNames.Swedish).ToList();
        Same("deltagare per kön", report.Participants.Counts, OutcomeTable.Counted(gender, genders));
        foreach (var (point, table) in new[] { ("Exit", report.Participants.WorkOrStudiesAtExit), ("FollowUp90", report.Participants.WorkOrStudiesAfter90Days), ("FollowUp365", report.Participants.WorkOrStudiesAfter365Days) })
            Same($"i arbete eller studier ({point})", table, OutcomeTable.Counted(
                raw.Where(r => r.Part == point).Select(r => (names[r.InterventionId], r.Category == "yes" ? ParticipantReport.YesNo[0] : ParticipantReport.YesNo[1], (long)r.A)),
                ParticipantReport.YesNo));
        foreach (var difference in differences) Console.WriteLine($"  DIFFERS: {difference}");
        return differences.Count == 0;

        void Same(string what, SuppressedTable ours, SuppressedTable sql)
        {
            if (Json(ours) != Json(sql)) differences.Add($"tabellen {what}");
        }
    }

    private static int Tables(Samordna.Web.Features.Participants.InterventionTallies tallies) =>
        ParticipantReport.Counts(tallies.Episodes).Rows.Count + Enum.GetValues<OutcomePoint>().Sum(p => ParticipantReport.WorkOrStudies(tallies.At(p)).Rows.Count);

    private static string Json(SuppressedTable table) => System.Text.Json.JsonSerializer.Serialize(table);

}
