using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samordna.Core.Import;
using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

public class XlsxImportTests
{
    /// <summary>A workbook as Excel writes it: text in the shared-string table, numbers as numbers, empty cells left out.</summary>
    public static byte[] Workbook(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable();
            var strings = new List<string>();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case null: break;
                        case string text:
                            if (!strings.Contains(text)) { strings.Add(text); sharedPart.SharedStringTable.AppendChild(new SharedStringItem(new Text(text))); }
                            row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(text).ToString()) });
                            break;
                        case int number:
                            row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString()) });
                            break;
                    }
                }
                sheetData.AppendChild(row);
            }
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Svar" }));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Reads_an_xlsx_answer_file_with_numbers_text_and_missing_cells()
    {
        var bytes = Workbook(
            ["record_id", "unit:municipality", "P1", "P2"],
            [1, "Gävle", "För det mesta", 3],
            [2, "Sandviken", null, "Vet ej"],
            [3, "Gävle", 6, null]);

        var (table, errors) = ImportTable.Read("svar.xlsx", bytes);
        Assert.Empty(errors);
        var (records, importErrors) = AnswerImport.Read(BuiltInInstruments.Find("gavleborg-2016-staff")!, table!);

        Assert.Empty(importErrors);
        Assert.Equal(["5"], records[0].Answers["P1"]);
        Assert.Equal(["3"], records[0].Answers["P2"]);
        Assert.Empty(records[1].Answers["P1"]);
        Assert.Equal(["vet-ej"], records[1].Answers["P2"]);
        Assert.Equal(["6"], records[2].Answers["P1"]);
        Assert.Empty(records[2].Answers["P2"]);
        Assert.Equal(4, records[2].Row);
    }

    [Fact]
    public void Errors_in_an_xlsx_file_name_the_worksheet_row()
    {
        var bytes = Workbook(["record_id", "P1"], [1, "ofta"], [2, "kanske"]);
        var (table, _) = ImportTable.Read("svar.xlsx", bytes);
        var (_, errors) = AnswerImport.Read(BuiltInInstruments.Find("gavleborg-2016-staff")!, table!);
        Assert.Equal((3, "P1"), (errors.Single().Row, errors.Single().Column));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused()
    {
        var (table, errors) = ImportTable.Read("svar.xlsx", "record_id;P1\n1;ofta\n"u8.ToArray());
        Assert.Null(table);
        Assert.Contains("Excel-arbetsbok", errors.Single().Message);
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(0, 400)];
            random.NextBytes(garbage);
            Assert.NotEmpty(ImportTable.Read("x.xlsx", garbage).Errors);
        }
    }
}
