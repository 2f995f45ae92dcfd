using System.Text;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Tests;

/// <summary>The shared CSV writer, read back as bytes: what Swedish Excel needs to open it as it is.</summary>
public sealed class CsvExportTests
{
    [Fact]
    public void Csv_is_utf8_with_bom_semicolons_decimal_comma_crlf_and_empty_hidden_cells_with_a_note()
    {
        var bytes = CsvExport.Write("Tabell", ["Insats", "Antal", "Andel (%)", "Kostnad (kr)"],
        [
            ["Arena; för arbete", 12L, 58.3m, -1250.5m],
            ["Liten", null, null, 1_000_000m],
            ["=SUMMA(A1)", 7, 0.125, null],
        ], "Tomma celler är dolda.");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.DoesNotContain('\n', text.Replace("\r\n", ""));
        Assert.Equal("Insats;Antal;Andel (%);Kostnad (kr)", lines[0]);
        // Quoted because of the separator; decimal comma; a hyphen minus and no thousands separator.
        Assert.Equal("\"Arena; för arbete\";12;58,3;-1250,5", lines[1]);
        Assert.Equal("Liten;;;1000000", lines[2]);
        // A formula is defused; a double keeps its decimals with a comma.
        Assert.Equal("'=SUMMA(A1);7;0,125;", lines[3]);
        Assert.Equal("", lines[4]);
        Assert.Equal("Tomma celler är dolda.", lines[5]);
    }

    [Fact]
    public void Several_tables_follow_each_other_under_their_names_and_match_the_workbook_rows()
    {
        IReadOnlyList<XlsxSheet> sheets =
        [
            new("Budget", ["Post", "Belopp"], [["Insatser", 100m]]),
            new("Deltagare", ["Insats", "Antal"], [["Arena", 12]]),
        ];
        var text = Encoding.UTF8.GetString(CsvExport.WriteSheets(sheets)[3..]);
        Assert.Equal("Budget\r\nPost;Belopp\r\nInsatser;100\r\n\r\nDeltagare\r\nInsats;Antal\r\nArena;12\r\n", text);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(XlsxExport.WriteSheets(sheets)), false);
        Assert.Equal(["Budget", "Deltagare"], document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }
}
