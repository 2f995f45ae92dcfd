using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samordna.Core.Import;

public sealed partial class ImportTable
{
    /// <summary>The first worksheet of an .xlsx workbook; numbers as written (invariant). Dates arrive as Excel's serial numbers.</summary>
    public static (ImportTable? Table, IReadOnlyList<ImportError> Errors) ReadXlsx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException();
            var worksheet = sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part ? part : throw new InvalidDataException();
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

            var rows = new List<(int Row, string[] Fields)>();
            foreach (var row in worksheet.Worksheet?.Descendants<Row>() ?? throw new InvalidDataException())
            {
                var cells = row.Elements<Cell>().Select(c => (Column: ColumnIndex(c.CellReference?.Value), Text: Text(c, shared))).ToList();
                if (cells.All(c => c.Text.Length == 0)) continue;
                if (cells.Max(c => c.Column) >= MaxColumns)
                    return (null, [new ImportError((int)(row.RowIndex?.Value ?? 0), "", $"Arbetsbladet har värden längre åt höger än {MaxColumns} kolumner.")]);
                var width = cells.Max(c => c.Column) + 1;
                var fields = new string[width];
                Array.Fill(fields, "");
                foreach (var (column, text) in cells) fields[column] = text;
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), fields));
            }
            if (rows.Count == 0) return (null, [new ImportError(1, "", "Arbetsbladet är tomt. Första raden ska vara kolumnnamnen.")]);
            var header = rows[0].Fields.Select(h => h.Trim()).ToArray();
            // Trailing empty cells are not stored in .xlsx; pad or trim every row to the header's width.
            var data = rows.Skip(1).Select(r => (r.Row, Fields: r.Fields.Concat(Enumerable.Repeat("", Math.Max(0, header.Length - r.Fields.Length))).Take(header.Length).ToArray())).ToList();
            var overflow = rows.Skip(1).Where(r => r.Fields.Skip(header.Length).Any(f => f.Length > 0))
                .Select(r => new ImportError(r.Row, "", $"Raden har värden till höger om sista kolumnrubriken ({header.Length} kolumner).")).ToList();
            return overflow.Count > 0 ? (null, overflow) : (new ImportTable(header, data), []);
        }
        // Whatever a damaged file makes the zip, package or XML readers throw means the same to the person: unreadable.
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or ArgumentException
                                      or InvalidOperationException or FormatException or System.Xml.XmlException or OverflowException)
        {
            return (null, [new ImportError(1, "", "Filen kan inte läsas som en Excel-arbetsbok (.xlsx). Spara den på nytt i Excel, eller som CSV UTF-8.")]);
        }
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < shared.Count) return shared[index];
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (cell.DataType is null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number.ToString(CultureInfo.InvariantCulture);
        return raw;
    }

    /// <summary>Excel's own limit (column XFD).</summary>
    private const int MaxColumns = 16_384;

    /// <summary>"C7" → 2.</summary>
    private static int ColumnIndex(string? reference)
    {
        var index = 0;
        foreach (var c in (reference ?? "A").TakeWhile(char.IsAsciiLetter).Take(4)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Max(0, index - 1);
    }
}
