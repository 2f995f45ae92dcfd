using System.IO.Compression;
using System.Text;
using Samordna.Core.Import;
using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

/// <summary>
/// Every importer meets mutated, truncated and random files: it never throws, it reports Swedish errors with a
/// row (and a column where there is one), and it returns either everything or nothing.
/// </summary>
public class ImportFuzzTests
{
    private static readonly Instrument Staff = BuiltInInstruments.Find("gavleborg-2016-staff")!;

    private const string ValidCsv =
        "record_id;respondent_id;unit:county_part;unit:municipality;KONTAKT;STRUKTUR;FORMER;P1;P2\r\n" +
        "r1;p1;Gävle;Gävle;Ja;nej;sip|teamtraff;för det mesta;3\r\n" +
        "r2;p1;\"Västra Gästrikland\";Sandviken;ja;;;Vet ej;\r\n" +
        "r3;p2;Gävle;Gävle;Nej;;;;\r\n";

    [Fact]
    public void Mutated_csv_answer_files_never_throw_and_import_all_or_nothing()
    {
        var valid = Encoding.UTF8.GetBytes(ValidCsv);
        Assert.Empty(ReadAnswers("svar.csv", valid).Errors);
        var fuzz = new Fuzz(20261122);
        var (refused, imported) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = i % 10 == 0 ? Encoding.UTF8.GetBytes(fuzz.Text(300)) : fuzz.Mutate(valid, textual: i % 2 == 0);
            var (records, errors) = Check(i, "svar.csv", bytes);
            if (errors.Count > 0) refused++; else if (records.Count > 0) imported++;
        }
        // The mutations must exercise both outcomes, or the property proves little.
        Assert.True(refused > 1000, $"bara {refused} filer avvisades");
        Assert.True(imported > 100, $"bara {imported} filer lästes");
    }

    [Fact]
    public void Generated_answer_tables_with_random_columns_and_values_never_throw()
    {
        var fuzz = new Fuzz(4711);
        string[] columns = ["record_id", "respondent_id", "unit:county_part", "unit:Bad Name", "unit:", "KONTAKT", "STRUKTUR", "FORMER", "P1", "P2", "P9", "X1", "", "record_id"];
        string[] awkward = ["", " ", "|", "sip||teamtraff", new string('x', 201), "7", "-1", "ja|nej"];
        var (refused, imported) = (0, 0);
        for (var i = 0; i < 2000; i++)
        {
            // Half the cases are nearly right (a real header, answers from each item's own scale), half anything.
            var nearlyRight = i % 2 == 0;
            var header = Enumerable.Range(0, 1 + fuzz.Next(8)).Select(_ => !nearlyRight && fuzz.Next(3) == 0 ? fuzz.Text(8) : fuzz.Pick(columns)).ToList();
            if (nearlyRight) header = ["record_id", .. header.Where(h => h != "record_id" && (h.StartsWith("unit:c") || h == "respondent_id" || Staff.FindItem(h) is not null)).Distinct()];
            var csv = new StringBuilder(string.Join(';', header.Select(Quote))).Append('\n');
            for (var r = fuzz.Next(6); r > 0; r--)
                csv.Append(string.Join(';', header.Select(h => Quote(Value(h))))).Append('\n');
            var (records, errors) = Check(i, "svar.csv", Encoding.UTF8.GetBytes(csv.ToString()));
            if (errors.Count > 0) refused++; else if (records.Count > 0) imported++;

            string Value(string column)
            {
                if (column == "record_id") return nearlyRight ? $"r{fuzz.Next(1000)}" : $"r{fuzz.Next(4)}";
                if (fuzz.Next(nearlyRight ? 30 : 4) == 0) return fuzz.Next(2) == 0 ? fuzz.Text(10) : fuzz.Pick(awkward);
                if (Staff.FindItem(column) is not { } item) return fuzz.Text(12);
                var scale = Staff.ScaleOf(item);
                var step = fuzz.Pick(scale.Steps.Concat(scale.NonSubstantive).ToList());
                return fuzz.Next(5) == 0 ? "" : fuzz.Next(2) == 0 ? step.Code : step.Label;
            }
        }
        Assert.True(refused > 500 && imported > 200, $"avvisade {refused}, lästa {imported}");

        static string Quote(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";
    }

    private static readonly byte[] ValidWorkbook = XlsxImportTests.Workbook(
        ["record_id", "unit:municipality", "KONTAKT", "P1", "P2"],
        [1, "Gävle", "Ja", "För det mesta", 3],
        [2, "Sandviken", "ja", null, "Vet ej"]);

    [Fact]
    public void Mutated_and_truncated_xlsx_files_never_throw()
    {
        var valid = ValidWorkbook;
        Assert.Empty(ReadAnswers("svar.xlsx", valid).Errors);
        var fuzz = new Fuzz(1210);
        var refused = 0;
        for (var i = 0; i < 1500; i++)
            if (Check(i, "svar.xlsx", fuzz.Mutate(valid)).Errors.Count > 0) refused++;
        Assert.True(refused > 1000, $"bara {refused} arbetsböcker avvisades");
    }

    [Fact]
    public void Xlsx_files_with_mutated_xml_inside_a_sound_zip_never_throw()
    {
        var valid = ValidWorkbook;
        var fuzz = new Fuzz(2003);
        var (refused, imported) = (0, 0);
        for (var i = 0; i < 1500; i++)
        {
            var (records, errors) = Check(i, "svar.xlsx", MutateEntries(valid, fuzz));
            if (errors.Count > 0) refused++; else if (records.Count > 0) imported++;
        }
        Assert.True(refused > 1000 && imported > 5, $"avvisade {refused}, lästa {imported}");
    }

    /// <summary>Rewrites one XML part of the workbook with mutated text, keeping the zip itself valid.</summary>
    private static byte[] MutateEntries(byte[] workbook, Fuzz fuzz)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var victim = fuzz.Pick(source.Entries.Select(e => e.FullName).ToList());
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                if (entry.FullName == victim || (entry.FullName.Contains("sheet") && fuzz.Next(2) == 0)) text = fuzz.Mutate(text);
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(text);
            }
        }
        return output.ToArray();
    }

    private static (IReadOnlyList<ImportedRecord> Records, IReadOnlyList<ImportError> Errors) ReadAnswers(string name, byte[] bytes)
    {
        var (table, errors) = ImportTable.Read(name, bytes);
        Assert.Equal(table is null, errors.Count > 0);
        return table is null ? ([], errors) : AnswerImport.Read(Staff, table);
    }

    /// <summary>The properties every import must keep, whatever the file.</summary>
    private static (IReadOnlyList<ImportedRecord> Records, IReadOnlyList<ImportError> Errors) Check(int @case, string name, byte[] bytes)
    {
        (IReadOnlyList<ImportedRecord> Records, IReadOnlyList<ImportError> Errors) result;
        try { result = ReadAnswers(name, bytes); }
        catch (Exception e) { throw new Xunit.Sdk.XunitException($"fall {@case}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\nindata (base64): {Convert.ToBase64String(bytes)}"); }

        var (records, errors) = result;
        if (errors.Count > 0) Assert.Empty(records); // nothing partially
        foreach (var error in errors)
        {
            Assert.True(error.Row >= 1, $"fall {@case}: fel utan rad: {error.Message}");
            Assert.True(Fuzz.IsSwedishMessage(error.Message), $"fall {@case}: inte ett svenskt felmeddelande: {error.Message}");
        }
        foreach (var record in records)
            foreach (var (code, answers) in record.Answers)
            {
                var item = Staff.FindItem(code)!;
                Assert.All(answers, a => Assert.NotEqual(AnswerKind.Invalid, Staff.ScaleOf(item).Read(a).Kind));
                if (item.Kind != ItemKind.Multi) Assert.True(answers.Count <= 1);
            }
        return result;
    }
}
