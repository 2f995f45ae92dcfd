using System.Globalization;
using System.Text;

namespace Samordna.Web.Features.Shared;

/// <summary>
/// CSV that Swedish Excel opens as it is: UTF-8 with byte-order mark, semicolon between fields, CRLF line ends,
/// decimal comma without thousands separators, fields quoted where needed (<see cref="CsvText"/>), null as an empty
/// field. Takes the same <see cref="XlsxSheet"/>s as <see cref="XlsxExport"/>, so both exports hold the same rows.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Decimal comma, and a hyphen for minus: sv-SE's U+2212 would make Excel read the number as text.</summary>
    private static readonly NumberFormatInfo Numbers = new() { NumberDecimalSeparator = ",", NegativeSign = "-", NumberGroupSeparator = "" };

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, string? note = null) =>
        WriteSheets([new XlsxSheet(sheetName, header, rows, note)]);

    /// <summary>
    /// One table: header, rows, then the note after an empty line. Several tables (the annual report's sections)
    /// follow each other, each under a line with its name and separated by an empty line.
    /// </summary>
    public static byte[] WriteSheets(IReadOnlyList<XlsxSheet> sheets)
    {
        var csv = new StringBuilder();
        foreach (var sheet in sheets)
        {
            if (sheets.Count > 1)
            {
                if (csv.Length > 0) csv.Append("\r\n");
                csv.Append(CsvText.Field(sheet.Name)).Append("\r\n");
            }
            csv.Append(string.Join(';', sheet.Header.Select(CsvText.Field))).Append("\r\n");
            foreach (var row in sheet.Rows) csv.Append(string.Join(';', row.Select(Cell))).Append("\r\n");
            if (sheet.Note is { } note) csv.Append("\r\n").Append(CsvText.Field(note)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.######", Numbers),
        double d => d.ToString("0.######", Numbers),
        float f => f.ToString("0.######", Numbers),
        int or long => Convert.ToString(value, Numbers)!,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "Ja" : "Nej",
        _ => CsvText.Field(value.ToString()!),
    };
}

/// <summary>The notes exports carry under a table, so an empty cell is never read as zero.</summary>
public static class ExportNotes
{
    public static string Suppressed(int threshold) =>
        $"Tomma celler för antal och andelar är dolda för att skydda enskilda: färre än {threshold}, eller möjliga att räkna fram ur andra tal i tabellen.";
}
