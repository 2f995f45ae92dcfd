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
using Samordna.Web.Features.Participants;
using Samordna.Web.Hosting;

namespace Samordna.Bench;

/// <summary>
/// The participant report at scale (issue 5 item 11): N episodes spread over the associations, with enrolment, exit
/// and follow-up measurements, a few corrections, restricted and anonymous participants and one own question; our
/// report (ParticipantReportQueries.ReportAsync: read, then Core's tables with suppression) for one association and
/// nationally, against hand-written SQL computing the same counts on the same database. Prints the ratios.
/// </summary>
public static class ParticipantReportBench
{
    public static async Task<int> RunAsync(string[] configuration, int episodes, int associations)
    {
        var app = SamordnaApp.CreateBuilder(configuration).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMaintenance>().MigrateAsync();
        var db = services.GetRequiredService<SamordnaDb>();
        var postgres = db.Database.IsNpgsql();
        Console.WriteLine($"Participant report on {(postgres ? "PostgreSQL" : "SQLite")}: {episodes:N0} episodes over {associations} associations");

        var generate = Stopwatch.StartNew();
        var ids = new List<int>();
        for (var a = 0; a < associations; a++)
        {
            var body = $"2230{a:D5}";
            var association = (await services.GetRequiredService<CreateAssociation>().HandleAsync(new(
                $"Deltagarförbund {a}", $"{body[..6]}-{body[6..]}{Samordna.Core.Associations.Luhn.CheckDigit(body)}", "2016-01-01", ["12"], ["1286", "1287"]))).Value!;
            ids.Add(association.Id);
            db.ExtraQuestions.Add(new ExtraQuestionDefinition { AssociationId = association.Id, Code = "eget_boende", Wording = "Eget boende?", Kind = ExtraQuestionKind.YesNo, Revision = 1 });
            for (var i = 0; i < 4; i++)
                db.Interventions.Add(new Intervention { AssociationId = association.Id, Name = $"Insats {i}", Kind = InterventionKind.IndividualFocused,
                    MeasurementMethod = i == 3 ? MeasurementMethod.Anonymous : MeasurementMethod.PersonalData });
        }
        await db.SaveChangesAsync();
        var interventions = await db.Interventions.AsNoTracking().Where(i => ids.Contains(i.AssociationId)).Select(i => new { i.Id, i.AssociationId, i.MeasurementMethod }).ToListAsync();
        var (rows, measurements) = await GenerateAsync(db, interventions.Select(i => (i.Id, i.AssociationId, i.MeasurementMethod == MeasurementMethod.Anonymous)).ToList(), episodes);
        db.ChangeTracker.Clear();
        Console.WriteLine($"Generated {rows:N0} episodes and {measurements:N0} measurements in {generate.Elapsed.TotalSeconds:0.0} s");

        var reports = services.GetRequiredService<ParticipantReportQueries>();
        var one = ids[ids.Count / 2];
        var check = await reports.ReportAsync(one, null, ReportBreakdown.Intervention, null);
        var sql = await HandWrittenAsync(db, one, postgres);
        Console.WriteLine($"Same numbers (one association): participants {check.Counts.All.Total} vs {sql.Participants}, in work or studies at exit {check.WorkOrStudiesAtExit.All.Cells[0].Count} vs {sql.WorkAtExit}");
        foreach (var (label, association) in new[] { ("One association", one), ("National", 0) })
        {
            var ours = await Timing.Median(async () => (await reports.ReportAsync(association, null, ReportBreakdown.Intervention, null)).Counts.Rows.Count, runs: 5);
            var raw = await Timing.Median(async () => (await HandWrittenAsync(db, association == 0 ? null : association, postgres)).Rows, runs: 5);
            Console.WriteLine($"{label}, by intervention: ours {ours.TotalMilliseconds:0.0} ms, hand-written SQL {raw.TotalMilliseconds:0.0} ms, ratio {ours / raw:0.00}");
        }
        Console.WriteLine($"Memory in use after the run: {GC.GetTotalMemory(false) / 1024 / 1024} MB managed, {Environment.WorkingSet / 1024 / 1024} MB working set");
        return 0;
    }

    private static readonly string[] Occupations = Enum.GetNames<Occupation>();
    private static readonly string[] Incomes = ["SocialAssistance", "SicknessBenefit", "UnemploymentBenefit", "ActivityCompensation", "Salary", "StudentAid", "Salary,SocialAssistance", "NoIncome"];
    private static readonly string[] Educations = Enum.GetNames<Education>();
    private static readonly string[] AgeBands = ["16–19", "20–24", "25–29", "30–39", "40–49", "50–59", "60–64"];
    private static readonly string[] Reasons = ["Work", "Studies", "OtherActor", "Interrupted", "Moved", "Health", "Other", "RegisteredByMistake"];

    /// <summary>Plain multi-row INSERTs with explicit ids; the generator measures nothing, it only fills.</summary>
    private static async Task<(long Episodes, long Measurements)> GenerateAsync(SamordnaDb db, List<(int Id, int AssociationId, bool Anonymous)> interventions, int count)
    {
        var random = new Random(5);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        long episodeId = 0, participantId = 0, measurementId = 0;
        const int Batch = 5000;
        for (var start = 0; start < count; start += Batch)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            StringBuilder people = new(), episodes = new(), rows = new();
            for (var n = start; n < Math.Min(count, start + Batch); n++)
            {
                var (intervention, association, anonymousOnly) = interventions[random.Next(interventions.Count)];
                var anonymous = anonymousOnly || random.NextDouble() < 0.08;
                var enrolled = new DateOnly(2019, 1, 1).AddDays(random.Next(365 * 5));
                var exited = random.NextDouble() < 0.8 ? enrolled.AddDays(random.Next(30, 700)) : (DateOnly?)null;
                var reason = exited is null ? null : Reasons[random.Next(Reasons.Length)];
                int? participant = null;
                if (!anonymous)
                {
                    participant = (int)++participantId;
                    var restricted = random.NextDouble() < 0.01;
                    Append(people, $"({participant}, {association}, 'bench:{participant}', 'bench{participant:x}', NULL, FALSE, FALSE, {Bool(restricted)}, NULL, '2026-01-01', 0)");
                }
                episodeId++;
                Append(episodes, $"({episodeId}, {association}, {intervention}, {participant?.ToString() ?? "NULL"}, {Bool(anonymous)}, {Date(enrolled)}, {Date(exited)}, {Text(reason)}, " +
                    $"'{(random.Next(2) == 0 ? "Woman" : random.Next(20) == 0 ? "Other" : "Man")}', NULL, '{AgeBands[random.Next(AgeBands.Length)]}', {(anonymous ? "NULL" : "'1286'")}, {enrolled.Year}, 'bench', '2026-01-01', 0)");
                if (anonymous) continue;
                var first = ++measurementId;
                Measurement(rows, first, episodeId, "Enrolment", enrolled, random, monthsOnSupport: random.Next(0, 150), extra: random.Next(3) switch { 0 => "Ja", 1 => "Nej", _ => null });
                if (random.NextDouble() < 0.01) Measurement(rows, ++measurementId, episodeId, "Enrolment", enrolled, random, corrects: first);
                if (exited is not { } exit) continue;
                Measurement(rows, ++measurementId, episodeId, "Exit", exit, random, extra: random.Next(2) == 0 ? "Ja" : null);
                if (random.NextDouble() < 0.5) Measurement(rows, ++measurementId, episodeId, "FollowUp90", exit.AddDays(90), random);
                if (random.NextDouble() < 0.3) Measurement(rows, ++measurementId, episodeId, "FollowUp365", exit.AddDays(365), random);
            }
            if (people.Length > 0)
                await GeneratedData.Execute(connection, transaction, $"INSERT INTO \"Participants\" (\"Id\", \"AssociationId\", \"IdentityCipher\", \"IdentityLookup\", \"NameCipher\", \"ProtectedIdentity\", \"ConsentWithdrawn\", \"Restricted\", \"IdentityErasedOn\", \"CreatedAt\", \"Revision\") VALUES {people}");
            await GeneratedData.Execute(connection, transaction, $"INSERT INTO \"Episodes\" (\"Id\", \"AssociationId\", \"InterventionId\", \"ParticipantId\", \"Anonymous\", \"EnrolledOn\", \"ExitedOn\", \"ExitReason\", \"Gender\", \"AgeAtEnrolment\", \"AgeBand\", \"MunicipalityCode\", \"BudgetYear\", \"CreatedBy\", \"CreatedAt\", \"Revision\") VALUES {episodes}");
            if (rows.Length > 0)
                await GeneratedData.Execute(connection, transaction, $"INSERT INTO \"ParticipantMeasurements\" (\"Id\", \"EpisodeId\", \"Point\", \"IncomeSources\", \"Occupation\", \"Education\", \"MonthsOnSupport\", \"SelfRatedHealth\", \"ExtraAnswers\", \"MeasuredOn\", \"RecordedBy\", \"RecordedAt\", \"CorrectsId\", \"CorrectionNote\") VALUES {rows}");
            await transaction.CommitAsync();
        }
        if (db.Database.IsNpgsql())
            foreach (var table in new[] { "Participants", "Episodes", "ParticipantMeasurements" })
                await GeneratedData.Execute(connection, null, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
        await GeneratedData.Execute(connection, null, "ANALYZE");
        return (episodeId, measurementId);

        static string Bool(bool b) => b ? "TRUE" : "FALSE";
    }

    private static void Measurement(StringBuilder rows, long id, long episode, string point, DateOnly on, Random random, int? monthsOnSupport = null, string? extra = null, long? corrects = null) =>
        Append(rows, $"({id}, {episode}, '{point}', '{Incomes[random.Next(Incomes.Length)]}', '{Occupations[random.Next(Occupations.Length)]}', " +
            $"{(point == "Enrolment" ? $"'{Educations[random.Next(Educations.Length)]}'" : "NULL")}, {monthsOnSupport?.ToString() ?? "NULL"}, {1 + random.Next(5)}, " +
            $"{(extra is null ? "NULL" : $"'{{\"eget_boende\":\"{extra}\"}}'")}, {Date(on)}, 'bench', '2026-01-01', {corrects?.ToString() ?? "NULL"}, NULL)");

    private static string Date(DateOnly? d) => d is { } v ? $"'{v:yyyy-MM-dd}'" : "NULL";
    private static string Text(string? s) => s is null ? "NULL" : $"'{s}'";
    private static void Append(StringBuilder sb, string row) => sb.Append(sb.Length == 0 ? "" : ",").Append(row);


    public sealed record RawResult(int Rows, long Participants, long WorkAtExit);

    /// <summary>
    /// The report's counts as one statement a person would write by hand: the current measurement per point (the row no
    /// other row corrects), pivoted per episode, then one GROUP BY per table, glued with UNION ALL. Only counts come
    /// back; suppression is not applied (it needs the counts first, in any design).
    /// </summary>
    public static async Task<RawResult> HandWrittenAsync(SamordnaDb db, int? association, bool postgres)
    {
        string Y(string x) => postgres ? $"EXTRACT(YEAR FROM {x})::int" : $"CAST(strftime('%Y', {x}) AS INTEGER)";
        string M(string x) => postgres ? $"EXTRACT(MONTH FROM {x})::int" : $"CAST(strftime('%m', {x}) AS INTEGER)";
        string D(string x) => postgres ? $"EXTRACT(DAY FROM {x})::int" : $"CAST(strftime('%d', {x}) AS INTEGER)";
        var answer = postgres ? "(en.\"ExtraAnswers\"::json->>'eget_boende')" : "json_extract(en.\"ExtraAnswers\", '$.eget_boende')";
        var where = association is { } a ? $"e.\"AssociationId\" = {a} AND " : "";
        static string Group(string inc) => $"""
            CASE WHEN {inc} IS NULL THEN NULL
                 WHEN REPLACE(REPLACE(REPLACE(REPLACE({inc}, 'SubsidisedSalary', ''), 'Salary', ''), 'StudentAid', ''), ',', '') = '' THEN 'Egen'
                 WHEN ',' || {inc} || ',' LIKE '%,SocialAssistance,%' THEN 'EB'
                 WHEN ',' || {inc} || ',' LIKE '%,SicknessBenefit,%' OR ',' || {inc} || ',' LIKE '%,SicknessOrActivityCompensation,%' THEN 'FK'
                 WHEN ',' || {inc} || ',' LIKE '%,UnemploymentBenefit,%' OR ',' || {inc} || ',' LIKE '%,EstablishmentAllowance,%' OR ',' || {inc} || ',' LIKE '%,ActivityCompensation,%' THEN 'AF'
                 ELSE 'Annan' END
            """;
        const string work = "('Work', 'SubsidisedWork', 'Studies')";
        var sql = $"""
            WITH cur AS MATERIALIZED (
                SELECT m."EpisodeId", m."Point", m."Occupation", m."IncomeSources", m."Education", m."MonthsOnSupport", m."SelfRatedHealth", m."ExtraAnswers"
                FROM "ParticipantMeasurements" m JOIN "Episodes" e ON e."Id" = m."EpisodeId"
                WHERE {where}NOT EXISTS (SELECT 1 FROM "ParticipantMeasurements" c WHERE c."CorrectsId" = m."Id")),
            f AS MATERIALIZED (
                SELECT e."InterventionId" AS i, e."Gender" AS g, e."AgeBand" AS age, e."ExitReason" AS reason, e."EnrolledOn" AS enrolled, e."ExitedOn" AS exited,
                       en."Occupation" AS occ0, ex."Occupation" AS occ1, f1."Occupation" AS occ2, f2."Occupation" AS occ3,
                       {Group("en.\"IncomeSources\"")} AS inc0, {Group("ex.\"IncomeSources\"")} AS inc1,
                       en."Education" AS edu, en."MonthsOnSupport" AS months, en."SelfRatedHealth" AS h0, ex."SelfRatedHealth" AS h1, {answer} AS q0
                FROM "Episodes" e
                LEFT JOIN "Participants" p ON p."Id" = e."ParticipantId"
                LEFT JOIN cur en ON en."EpisodeId" = e."Id" AND en."Point" = 'Enrolment' AND NOT e."Anonymous" AND NOT COALESCE(p."Restricted", FALSE)
                LEFT JOIN cur ex ON ex."EpisodeId" = e."Id" AND ex."Point" = 'Exit' AND NOT e."Anonymous" AND NOT COALESCE(p."Restricted", FALSE)
                LEFT JOIN cur f1 ON f1."EpisodeId" = e."Id" AND f1."Point" = 'FollowUp90' AND NOT e."Anonymous" AND NOT COALESCE(p."Restricted", FALSE)
                LEFT JOIN cur f2 ON f2."EpisodeId" = e."Id" AND f2."Point" = 'FollowUp365' AND NOT e."Anonymous" AND NOT COALESCE(p."Restricted", FALSE)
                WHERE {where}(e."ExitReason" IS NULL OR e."ExitReason" <> 'RegisteredByMistake'))
            SELECT 'antal', i, g, COUNT(*) FROM f GROUP BY i, g
            UNION ALL SELECT 'utskrivning', i, CASE WHEN occ1 IN {work} THEN 'ja' ELSE 'nej' END, COUNT(*) FROM f WHERE exited IS NOT NULL AND occ1 IS NOT NULL GROUP BY 1, 2, 3
            UNION ALL SELECT 'uppf1', i, CASE WHEN occ2 IN {work} THEN 'ja' ELSE 'nej' END, COUNT(*) FROM f WHERE exited IS NOT NULL AND occ2 IS NOT NULL GROUP BY 1, 2, 3
            UNION ALL SELECT 'uppf2', i, CASE WHEN occ3 IN {work} THEN 'ja' ELSE 'nej' END, COUNT(*) FROM f WHERE exited IS NOT NULL AND occ3 IS NOT NULL GROUP BY 1, 2, 3
            UNION ALL SELECT 'försörjning ' || inc0, 0, inc1, COUNT(*) FROM f WHERE inc0 IS NOT NULL AND inc1 IS NOT NULL GROUP BY inc0, inc1
            UNION ALL SELECT 'sysselsättning ' || occ0, 0, occ1, COUNT(*) FROM f WHERE occ0 IS NOT NULL AND occ1 IS NOT NULL GROUP BY occ0, occ1
            UNION ALL SELECT 'avslut', i, reason, COUNT(*) FROM f WHERE reason IS NOT NULL GROUP BY i, reason
            UNION ALL SELECT 'utbildning', i, edu, COUNT(*) FROM f WHERE edu IS NOT NULL GROUP BY i, edu
            UNION ALL SELECT 'ålder', i, age, COUNT(*) FROM f GROUP BY i, age
            UNION ALL SELECT 'tid med försörjning', i, CASE WHEN months = 0 THEN '0' WHEN months < 12 THEN '1' WHEN months < 24 THEN '2' WHEN months < 60 THEN '3' WHEN months < 120 THEN '4' ELSE '5' END, COUNT(*)
                FROM f WHERE months IS NOT NULL GROUP BY 1, 2, 3
            UNION ALL SELECT 'tid i insatsen', i, CASE WHEN t < 3 THEN '0' WHEN t < 6 THEN '1' WHEN t < 12 THEN '2' WHEN t < 24 THEN '3' ELSE '4' END, COUNT(*)
                FROM (SELECT i, ({Y("exited")} - {Y("enrolled")}) * 12 + {M("exited")} - {M("enrolled")} - CASE WHEN {D("exited")} < {D("enrolled")} THEN 1 ELSE 0 END AS t
                      FROM f WHERE exited IS NOT NULL) x GROUP BY 1, 2, 3
            UNION ALL SELECT 'hälsa ' || CAST(h0 AS TEXT), 0, CAST(h1 AS TEXT), COUNT(*) FROM f WHERE h0 IS NOT NULL AND h1 IS NOT NULL GROUP BY h0, h1
            UNION ALL SELECT 'egen fråga', 0, q0, COUNT(*) FROM f WHERE q0 IS NOT NULL GROUP BY q0
            """;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync();
        int rows = 0;
        long participants = 0, workAtExit = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            var table = reader.GetString(0);
            var count = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
            if (table == "antal") participants += count;
            if (table == "utskrivning" && reader.GetString(2) == "ja") workAtExit += count;
        }
        return new RawResult(rows, participants, workAtExit);
    }
}
