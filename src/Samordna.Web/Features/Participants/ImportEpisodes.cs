using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Import;
using Samordna.Core.Reference;
using Samordna.Web.Data;
using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// Imports participants and episodes from the spreadsheet an association keeps (CSV or XLSX, columns in
/// docs/import-formats.md), all or nothing: every row goes through the same rules as enrolment and exit, and any
/// error in any row imports nothing and names the row, the column and what was expected.
/// </summary>
public sealed class ImportEpisodes(SamordnaDb db, EnrolParticipant enrol, AuditActor actor)
{
    /// <summary>Column → the field name the rules use in their errors.</summary>
    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["personnummer"] = "identityNumber", ["namn"] = "name", ["samtycke"] = "consentGiven", ["samtycke_datum"] = "consent.givenOn",
        ["samtycke_parter"] = "consent.parties", ["samtycke_syften"] = "consent.purposes", ["skyddad_identitet"] = "protectedIdentity",
        ["kön"] = "gender", ["ålder"] = "age", ["kommun"] = "municipalityCode", ["inskriven"] = "enrolledOn", ["utskriven"] = "exitedOn",
        ["avslutsanledning"] = "exitReason", ["försörjning_inskrivning"] = "measurement.incomeSources", ["sysselsättning_inskrivning"] = "measurement.occupation",
        ["utbildning"] = "measurement.education", ["månader_med_ersättning"] = "measurement.monthsOnSupport", ["hälsa_inskrivning"] = "measurement.selfRatedHealth",
        ["försörjning_utskrivning"] = "exit.incomeSources", ["sysselsättning_utskrivning"] = "exit.occupation", ["hälsa_utskrivning"] = "exit.selfRatedHealth",
    };

    private static readonly string[] Required = ["kön", "inskriven", "samtycke"];
    private static readonly string[] EnrolmentMeasurement = ["försörjning_inskrivning", "sysselsättning_inskrivning", "utbildning", "månader_med_ersättning", "hälsa_inskrivning"];
    private static readonly string[] ExitMeasurement = ["försörjning_utskrivning", "sysselsättning_utskrivning", "hälsa_utskrivning"];

    public async Task<ImportResult?> HandleAsync(int interventionId, string fileName, byte[] content)
    {
        var intervention = await db.Interventions.SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var (table, fileErrors) = ImportTable.Read(fileName, content);
        if (table is null) return new ImportResult(0, fileErrors);

        var header = table.Header.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
        var errors = new List<ImportError>();
        foreach (var unknown in header.Where(h => !Columns.ContainsKey(h)))
            errors.Add(new(1, unknown, $"Okänd kolumn \"{unknown}\". Möjliga kolumner: {string.Join(", ", Columns.Keys)}."));
        foreach (var missing in Required.Where(r => !header.Contains(r)))
            errors.Add(new(1, missing, $"Kolumnen {missing} saknas. Den krävs på varje rad."));
        if (errors.Count > 0) return new ImportResult(0, errors);

        var today = enrol.Today;
        var pending = new Dictionary<string, Participant>();
        var episodes = new List<Episode>();
        foreach (var (rowNumber, fields) in table.Rows)
        {
            var cells = header.Select((h, i) => (h, v: fields[i].Trim())).Where(c => c.v.Length > 0).ToDictionary(c => c.h, c => c.v);
            var row = new RowReader(rowNumber, cells);
            var enrolledOn = row.Date("inskriven");
            var measurement = EnrolmentMeasurement.Any(cells.ContainsKey)
                ? new MeasurementRequest("Enrolment", enrolledOn, row.List("försörjning_inskrivning"), row.Text("sysselsättning_inskrivning"), row.Text("utbildning"),
                    row.Whole("månader_med_ersättning"), null, row.Whole("hälsa_inskrivning"))
                : null;
            var request = new EnrolRequest(enrolledOn, row.Text("kön"), row.Whole("ålder"), row.YesNo("samtycke"), row.YesNo("skyddad_identitet"),
                row.Text("personnummer"), row.Text("namn"), Municipality(row.Text("kommun")), null,
                new ConsentRequest(row.Date("samtycke_datum"), row.List("samtycke_parter"), row.List("samtycke_syften")), measurement);
            var exitedOn = row.Date("utskriven");
            if (row.Errors.Count > 0) { errors.AddRange(row.Errors); continue; }

            var prepared = await enrol.PrepareAsync(intervention, request, pending);
            if (!prepared.IsValid) { errors.AddRange(prepared.Errors.Select(e => ToImportError(rowNumber, e))); continue; }
            var episode = prepared.Value!;
            if (exitedOn is not null || cells.ContainsKey("avslutsanledning") || ExitMeasurement.Any(cells.ContainsKey))
            {
                var exitMeasurement = ExitMeasurement.Any(cells.ContainsKey)
                    ? new MeasurementRequest("Exit", exitedOn, row.List("försörjning_utskrivning"), row.Text("sysselsättning_utskrivning"), null, null, null, row.Whole("hälsa_utskrivning"))
                    : null;
                var exited = EpisodeCommands.Exit(episode, new ExitRequest(exitedOn, row.Text("avslutsanledning"), exitMeasurement), today, actor.Name);
                if (!exited.IsValid) { errors.AddRange(exited.Errors.Select(e => ToImportError(rowNumber, e.Field.StartsWith("measurement.") ? e with { Field = "exit." + e.Field[12..] } : e))); continue; }
            }
            episodes.Add(episode);
        }
        if (errors.Count > 0) return new ImportResult(0, errors);

        db.Episodes.AddRange(episodes);
        db.AuditEntries.Add(IdentityReads.Entry(actor, intervention.AssociationId, nameof(Intervention), intervention.Id.ToString(CultureInfo.InvariantCulture), "Importerad",
            new { episoder = episodes.Count, fil = Path.GetFileName(fileName) }));
        await db.SaveChangesAsync();
        return new ImportResult(episodes.Count, []);
    }

    /// <summary>A municipality by SCB code or by name ("Ystad", "Ystads kommun"); unknown text is passed on for the rule to refuse.</summary>
    private static string? Municipality(string? text)
    {
        if (text is null) return null;
        var found = SwedishRegions.Municipalities.Values.FirstOrDefault(m =>
            string.Equals(m.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(m.ShortName, text, StringComparison.OrdinalIgnoreCase));
        return found?.Code ?? text;
    }

    private static ImportError ToImportError(int row, FieldError error)
    {
        var field = error.Field;
        var bracket = field.IndexOf('[');
        if (bracket > 0) field = field[..bracket];
        var column = Columns.FirstOrDefault(c => c.Value == field).Key
            ?? (field is "consent" or "participantId" ? "samtycke" : field.StartsWith("measurement") ? "sysselsättning_inskrivning" : field.StartsWith("exit") ? "utskriven" : "");
        return new ImportError(row, column, error.Message);
    }

    /// <summary>Reads one row's cells, collecting errors that name the row and the column.</summary>
    private sealed class RowReader(int row, IReadOnlyDictionary<string, string> cells)
    {
        public List<ImportError> Errors { get; } = [];

        public string? Text(string column) => cells.GetValueOrDefault(column);

        public IReadOnlyList<string> List(string column) =>
            (Text(column) ?? "").Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public DateOnly? Date(string column)
        {
            if (Text(column) is not { } text) return null;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            // An .xlsx date cell arrives as Excel's serial number.
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            Errors.Add(new(row, column, $"\"{text}\" är inget datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2019-03-15."));
            return null;
        }

        public int? Whole(string column)
        {
            if (Text(column) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            Errors.Add(new(row, column, $"\"{text}\" är inget heltal."));
            return null;
        }

        public bool YesNo(string column)
        {
            switch ((Text(column) ?? "").ToLowerInvariant())
            {
                case "ja" or "j" or "yes" or "1" or "x" or "sant" or "true": return true;
                case "" or "nej" or "n" or "no" or "0" or "falskt" or "false": return false;
                default:
                    Errors.Add(new(row, column, $"Skriv ja eller nej, inte \"{Text(column)}\"."));
                    return false;
            }
        }
    }
}
