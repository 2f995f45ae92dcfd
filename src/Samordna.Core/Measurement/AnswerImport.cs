using System.Text.RegularExpressions;
using Samordna.Core.Import;

namespace Samordna.Core.Measurement;

/// <summary>One imported answer record: a person, or a person in one unit (Gävleborg: one per municipality).</summary>
/// <param name="Answers">Item code → the answer codes given (one for a single item, any number for a multi item,
/// none for a blank). Items not in the dictionary were not presented (e.g. after a screening "Nej").</param>
public sealed record ImportedRecord(int Row, string RecordId, string? RespondentId,
    IReadOnlyDictionary<string, string> Units, IReadOnlyDictionary<string, IReadOnlyList<string>> Answers);

/// <summary>
/// Reads an earlier round's raw export (docs/import-formats.md): column record_id, optional respondent_id,
/// unit:&lt;attribute&gt; columns, and one column per item code holding a scale label or code. Every problem is
/// reported with its row and column; a file with any problem imports nothing.
/// </summary>
public static partial class AnswerImport
{
    public const string RecordIdColumn = "record_id";
    public const string RespondentColumn = "respondent_id";
    public const string UnitPrefix = "unit:";

    public static (IReadOnlyList<ImportedRecord> Records, IReadOnlyList<ImportError> Errors) Read(Instrument instrument, ImportTable table)
    {
        var errors = new List<ImportError>();
        var header = table.Header;
        var recordColumn = IndexOf(header, RecordIdColumn);
        if (recordColumn < 0)
            errors.Add(new ImportError(1, RecordIdColumn, "Kolumnen record_id saknas. Varje rad ska ha ett eget svars-id."));
        var respondentColumn = IndexOf(header, RespondentColumn);

        var units = new List<(int Index, string Attribute)>();
        var items = new List<(int Index, Item Item)>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (i == recordColumn || i == respondentColumn) continue;
            if (name.StartsWith(UnitPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var attribute = name[UnitPrefix.Length..].Trim().ToLowerInvariant();
                if (!AttributePattern().IsMatch(attribute))
                    errors.Add(new ImportError(1, name, "Enhetskolumnen ska heta unit:<namn> med högst 50 små bokstäver, siffror eller _, till exempel unit:county_part."));
                else if (units.Any(u => u.Attribute == attribute))
                    errors.Add(new ImportError(1, name, $"Enheten {attribute} finns i flera kolumner."));
                else units.Add((i, attribute));
            }
            else if (instrument.FindItem(name) is { } item) items.Add((i, item));
            else errors.Add(new ImportError(1, name, $"Okänd kolumn \"{name}\". Förväntat: record_id, respondent_id, unit:<attribut> eller en frågekod i {instrument.Code}: {string.Join(", ", instrument.Items.Select(x => x.Code))}."));
        }
        foreach (var duplicate in items.GroupBy(x => x.Item.Code).Where(g => g.Count() > 1))
            errors.Add(new ImportError(1, duplicate.Key, $"Frågan {duplicate.Key} finns i flera kolumner."));
        if (errors.Count > 0) return ([], errors);

        var records = new List<ImportedRecord>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = instrument.Items.Select((item, i) => (item.Code, i)).ToDictionary(x => x.Code, x => x.i);
        foreach (var (row, fields) in table.Rows)
        {
            var recordId = fields[recordColumn].Trim();
            if (recordId.Length == 0) { errors.Add(new ImportError(row, RecordIdColumn, "record_id är tomt. Varje rad behöver ett id.")); continue; }
            if (seen.TryGetValue(recordId, out var firstRow)) { errors.Add(new ImportError(row, RecordIdColumn, $"record_id \"{recordId}\" finns redan på rad {firstRow}.")); continue; }
            seen[recordId] = row;

            var answers = new Dictionary<string, IReadOnlyList<string>>();
            string? endedBy = null;
            foreach (var (index, item) in items.OrderBy(x => order[x.Item.Code]))
            {
                var raw = fields[index].Trim();
                if (endedBy is not null)
                {
                    if (raw.Length > 0) errors.Add(new ImportError(row, header[index], $"Svar efter att {endedBy} avslutade enkäten. Lämna fältet tomt."));
                    continue;
                }
                var scale = instrument.ScaleOf(item);
                var parts = item.Kind == ItemKind.Multi ? raw.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : raw.Length == 0 ? [] : [raw];
                var codes = new List<string>();
                foreach (var part in parts)
                {
                    var value = scale.Read(part);
                    if (value.Kind == AnswerKind.Invalid)
                        errors.Add(new ImportError(row, header[index], $"Okänt svar \"{part}\" på {item.Code}. Förväntat (etikett eller kod): {scale.Describe()}{(item.Kind == ItemKind.Multi ? "; flera svar skiljs med |" : "")}, eller tomt."));
                    else codes.Add(value.Kind == AnswerKind.Substantive ? scale.Steps[value.StepIndex].Code : value.NonSubstantiveCode!);
                }
                answers[item.Code] = codes;
                if (item.Kind == ItemKind.Screening && codes.Count == 1 && item.EndsSurveyOn.Contains(codes[0], StringComparer.OrdinalIgnoreCase))
                    endedBy = item.Code;
            }
            foreach (var (index, _) in units.Where(u => fields[u.Index].Trim().Length > MaxUnitValue))
                errors.Add(new ImportError(row, header[index], $"Enhetens värde får vara högst {MaxUnitValue} tecken."));
            records.Add(new ImportedRecord(row, recordId, respondentColumn >= 0 && fields[respondentColumn].Trim().Length > 0 ? fields[respondentColumn].Trim() : null,
                units.ToDictionary(u => u.Attribute, u => fields[u.Index].Trim()), answers));
        }
        return errors.Count > 0 ? ([], errors) : (records, []);
    }

    private static int IndexOf(IReadOnlyList<string> header, string name) =>
        header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    public const int MaxUnitValue = 200;

    [GeneratedRegex("^[a-z0-9_]{1,50}$")]
    private static partial Regex AttributePattern();
}
