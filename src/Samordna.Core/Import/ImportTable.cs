using System.Text;
using Samordna.Core.Common;

namespace Samordna.Core.Import;

/// <summary>One error in an imported file: the row as numbered in the file (header = 1), the column, and why.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>
/// An imported sheet: a header row and data rows of text, from a delimited text file as exported by survey tools
/// and Swedish Excel (comma or semicolon, whichever the header uses; UTF-8 with or without byte-order mark;
/// fields quoted with " where needed, "" inside quotes) or from the first worksheet of an .xlsx file.
/// </summary>
public sealed partial class ImportTable
{
    /// <summary>Reads a file by its name: .xlsx as a workbook, anything else as delimited text.</summary>
    public static (ImportTable? Table, IReadOnlyList<ImportError> Errors) Read(string fileName, byte[] bytes) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(bytes) : Read(bytes);

    private ImportTable(IReadOnlyList<string> header, IReadOnlyList<(int Row, string[] Fields)> rows) { Header = header; Rows = rows; }

    public IReadOnlyList<string> Header { get; }
    /// <summary>Data rows with their row number in the file; blank lines are skipped.</summary>
    public IReadOnlyList<(int Row, string[] Fields)> Rows { get; }

    public static (ImportTable? Table, IReadOnlyList<ImportError> Errors) Read(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, [new ImportError(1, "", "Filen är inte UTF-8. Spara den som CSV UTF-8 (i Excel: \"CSV UTF-8 (kommaavgränsad)\").")]);
        }
        return Parse(text.TrimStart('\uFEFF'));
    }

    public static (ImportTable? Table, IReadOnlyList<ImportError> Errors) Parse(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = new List<(int Row, string[] Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int row = 1, recordStart = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') row++; field.Append(c); }
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear();
                if (fields.Any(f => f.Length > 0)) records.Add((recordStart, fields.ToArray()));
                fields.Clear();
                row++;
                recordStart = row;
            }
            else field.Append(c);
        }
        if (quoted) return (null, [new ImportError(recordStart, "", "Ett citattecken (\") öppnas men stängs aldrig. Kontrollera raden.")]);
        fields.Add(field.ToString());
        if (fields.Any(f => f.Length > 0)) records.Add((recordStart, fields.ToArray()));
        if (records.Count == 0) return (null, [new ImportError(1, "", "Filen är tom. Första raden ska vara kolumnnamnen.")]);

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var errors = new List<ImportError>();
        foreach (var (r, f) in records.Skip(1).Where(x => x.Fields.Length != header.Length))
            errors.Add(new ImportError(r, "", $"Raden har {f.Length} fält men rubrikraden har {header.Length}. Kontrollera avgränsare och citattecken."));
        return errors.Count > 0 ? (null, errors) : (new ImportTable(header, records.Skip(1).ToList()), []);
    }
}
