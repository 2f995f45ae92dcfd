using System.Text;
using Samordna.Core.Import;
using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

public class AnswerImportTests
{
    private static readonly Instrument Staff = BuiltInInstruments.Find("gavleborg-2016-staff")!;

    private static (IReadOnlyList<ImportedRecord> Records, IReadOnlyList<ImportError> Errors) Import(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var (table, errors) = ImportTable.Read(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return table is null ? ([], errors) : AnswerImport.Read(Staff, table);
    }

    [Fact]
    public void Reads_semicolons_with_bom_labels_codes_quotes_and_multi_answers()
    {
        var (records, errors) = Import(
            "record_id;respondent_id;unit:county_part;unit:municipality;KONTAKT;STRUKTUR;FORMER;P1\r\n" +
            "r1;p1;Gävle;Gävle;Ja;nej;SIP-möte (samordnad individuell plan)|teamtraff;för det mesta\r\n" +
            "r2;p1;\"Västra Gästrikland\";Sandviken;ja;;;Vet ej\r\n" +
            "r3;p2;Gävle;Gävle;Nej;;;\r\n", bom: true);

        Assert.Empty(errors);
        Assert.Equal(3, records.Count);
        Assert.Equal(["sip", "teamtraff"], records[0].Answers["FORMER"]);
        Assert.Equal(["5"], records[0].Answers["P1"]);
        Assert.Equal(["vet-ej"], records[1].Answers["P1"]);
        Assert.Empty(records[1].Answers["STRUKTUR"]);
        Assert.Equal("Västra Gästrikland", records[1].Units["county_part"]);
        Assert.Equal("p1", records[1].RespondentId);
        // "Nej" on the screening item ends the survey: nothing after it was presented.
        Assert.Equal(["KONTAKT"], records[2].Answers.Keys);
    }

    [Fact]
    public void Reads_commas_too()
    {
        var (records, errors) = Import("record_id,unit:municipality,P1\n1,Gävle,Alltid\n2,Gävle,\n");
        Assert.Empty(errors);
        Assert.Equal(["6"], records[0].Answers["P1"]);
        Assert.Empty(records[1].Answers["P1"]);
    }

    [Fact]
    public void Every_error_names_row_column_and_what_was_expected_and_nothing_is_returned()
    {
        var (records, errors) = Import(
            "record_id;unit:county_part;P1;P2\n" +
            "1;Gävle;ofta;kanske\n" +
            "1;Gävle;ofta;ofta\n" +
            ";Gävle;ofta;ofta\n");

        Assert.Empty(records);
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "P2" && e.Message.Contains("kanske") && e.Message.Contains("\"Alltid\""));
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "record_id" && e.Message.Contains("rad 2"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "record_id");
    }

    [Theory]
    [InlineData("unit:county_part;P1\nGävle;ofta\n", "record_id")]
    [InlineData("record_id;Q99\n1;ofta\n", "Q99")]
    [InlineData("record_id;unit:Län!;P1\n1;x;ofta\n", "unit:Län!")]
    [InlineData("record_id;KONTAKT;P1\n1;Nej;ofta\n", "P1")]
    [InlineData("record_id;unit:municipality;unit:Municipality\n1;Gävle;Gävle\n", "unit:Municipality")]
    public void Header_and_screening_mistakes_are_named(string text, string column)
    {
        var (records, errors) = Import(text);
        Assert.Empty(records);
        Assert.Contains(errors, e => e.Column == column);
    }

    [Fact]
    public void Broken_files_are_refused_with_a_reason()
    {
        Assert.Contains("UTF-8", ImportTable.Read([0x72, 0xE4, 0x6B]).Errors.Single().Message);
        Assert.Contains("citattecken", ImportTable.Parse("record_id;P1\n1;\"ofta\n").Errors.Single().Message);
        Assert.Contains("fält", ImportTable.Parse("record_id;P1\n1;ofta;extra\n").Errors.Single().Message);
        Assert.Contains("tom", ImportTable.Parse("").Errors.Single().Message);
    }

    [Fact]
    public void Random_bytes_never_crash_the_reader()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var (table, errors) = ImportTable.Read(bytes);
            if (table is not null) AnswerImport.Read(Staff, table);
            else Assert.NotEmpty(errors);
        }
    }
}
