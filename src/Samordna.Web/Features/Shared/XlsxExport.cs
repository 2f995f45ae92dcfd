using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samordna.Web.Features.Shared;

/// <summary>
/// One table of an export, shared by the XLSX and CSV writers so both files hold the same rows. The note (e.g. why
/// some cells are empty: hidden to protect small groups) is written under the table in both.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows, string? Note = null);

/// <summary>Excel workbooks (Open XML): text as inline strings, numbers as numbers, null as an empty cell.</summary>
public static class XlsxExport
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        WriteSheets([new XlsxSheet(sheetName, header, rows)]);

    /// <summary>One sheet per table, in the order given (e.g. the annual report's sections).</summary>
    public static byte[] WriteSheets(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.AppendChild(Row(1, sheet.Header.Cast<object?>().ToList()));
                uint index = 2;
                foreach (var row in sheet.Rows) data.AppendChild(Row(index++, row));
                if (sheet.Note is { } note) data.AppendChild(Row(index + 1, [note]));
                sheetPart.Worksheet = new Worksheet(data);
                list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = id++, Name = sheet.Name[..Math.Min(sheet.Name.Length, 31)] });
            }
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var reference = Column(c) + index;
            switch (values[c])
            {
                case null: break;
                case int or long or double or decimal:
                    row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(values[c]).ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                    break;
                default:
                    row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[c]!.ToString()!)) });
                    break;
            }
        }
        return row;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);
}
