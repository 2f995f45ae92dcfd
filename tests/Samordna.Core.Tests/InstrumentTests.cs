using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

public class InstrumentTests
{
    [Fact]
    public void Built_in_instruments_load_with_the_exact_wordings_of_the_guide()
    {
        var staff = BuiltInInstruments.Find("gavleborg-2016-staff")!;
        Assert.Equal("Upplever du att de du samverkar med hos andra myndigheter lyssnar på dig?", staff.FindItem("P1")!.Wording);
        Assert.Equal("Har ni strukturer för att initiera, upprätthålla och underhålla relationer mellan inblandade aktörer?", staff.FindItem("P7")!.Wording);
        Assert.Equal(ItemKind.Screening, staff.FindItem("KONTAKT")!.Kind);
        Assert.Equal(["nej"], staff.FindItem("KONTAKT")!.EndsSurveyOn);
        Assert.Equal(ItemKind.Multi, staff.FindItem("FORMER")!.Kind);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"P{i}"), staff.Items.Where(i => i.Block == "per-municipality").Select(i => i.Code));

        var mysam = BuiltInInstruments.Find("gavleborg-2016-mysam")!;
        // The baseline's accidental wording ("rutiner" for "strukturer") is kept: it is what was asked.
        Assert.StartsWith("Har ni rutiner för att initiera", mysam.FindItem("M3")!.Wording);
        Assert.Equal(mysam.FindItem("M1")!.Fingerprint(mysam.ScaleOf(mysam.FindItem("M1")!)), staff.FindItem("P1")!.Fingerprint(staff.ScaleOf(staff.FindItem("P1")!)));

        var spindeln = BuiltInInstruments.Find("spindeln")!;
        Assert.Equal(9, spindeln.Items.Count);
        Assert.Equal([0.0, 1, 2, 3, 4], spindeln.ScaleOf(spindeln.Items[0]).Steps.Select(s => s.Value!.Value));

        Assert.Equal(36, BuiltInInstruments.Find("partner-matrix")!.Items.Count);
        Assert.Equal(6, BuiltInInstruments.Find("preconditions")!.Items.Count);
    }

    [Fact]
    public void Instruments_round_trip_through_the_file_format()
    {
        foreach (var instrument in BuiltInInstruments.All.Values)
        {
            var again = InstrumentFile.Parse(InstrumentFile.Write(instrument)).Value!;
            Assert.Equal(instrument.Items.Select(i => i.Fingerprint(instrument.ScaleOf(i))), again.Items.Select(i => i.Fingerprint(again.ScaleOf(i))));
            Assert.Equal(instrument.Provenance, again.Provenance);
        }
    }

    [Fact]
    public void A_reworded_item_with_the_same_version_is_refused_and_a_new_version_is_accepted()
    {
        var original = BuiltInInstruments.Find("gavleborg-2016-mysam")!;
        var json = BuiltInInstruments.Json("gavleborg-2016-mysam");
        var reworded = InstrumentFile.Parse(json.Replace("Har ni rutiner för att initiera", "Har ni strukturer för att initiera")).Value!;

        var errors = InstrumentFile.CheckLocked(original, reworded);
        Assert.Contains(errors, e => e.Field == "items.M3" && e.Message.Contains("låst"));

        var newVersion = InstrumentFile.Parse(json.Replace("\"code\": \"M3\",", "\"code\": \"M3\", \"version\": 2,")
            .Replace("Har ni rutiner för att initiera", "Har ni strukturer för att initiera")).Value!;
        Assert.Empty(InstrumentFile.CheckLocked(original, newVersion));
    }

    [Theory]
    [InlineData("{", "JSON")]
    [InlineData("{\"code\":\"x\",\"version\":1,\"title\":\"t\",\"provenance\":\"p\",\"items\":[{\"code\":\"Q1\",\"wording\":\"w\",\"scale\":\"okand\"}]}", "okand")]
    [InlineData("{\"code\":\"x\",\"version\":1,\"title\":\"t\",\"provenance\":\"\",\"items\":[]}", "provenance")]
    [InlineData("{\"code\":\"x\",\"version\":1,\"title\":\"t\",\"provenance\":\"p\",\"items\":[null]}", "null")]
    [InlineData("{\"code\":\"x\",\"version\":1,\"title\":\"t\",\"provenance\":\"p\",\"items\":[{\"code\":\"Q1\",\"wording\":\"w\",\"scale\":\"yesno\",\"kind\":\"screening\",\"endsSurveyOn\":[\"kanske\"]}]}", "kanske")]
    public void Bad_instrument_files_are_refused_with_a_reason(string json, string expected)
    {
        var result = InstrumentFile.Parse(json);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => (e.Field + " " + e.Message).Contains(expected));
    }

    [Fact]
    public void Scales_read_codes_labels_non_substantive_and_blank_distinctly()
    {
        var scale = Scales.Frequency6;
        Assert.Equal(AnswerValue.Substantive(4), scale.Read("för det mesta"));
        Assert.Equal(AnswerValue.Substantive(4), scale.Read("5"));
        Assert.Equal(AnswerKind.NonSubstantive, scale.Read("Vet ej").Kind);
        Assert.Equal(AnswerKind.Blank, scale.Read("  ").Kind);
        Assert.Equal(AnswerKind.Invalid, scale.Read("jättebra").Kind);
    }
}

public class SurveyFormTests
{
    private static readonly Instrument Staff = BuiltInInstruments.Find("gavleborg-2016-staff")!;

    [Fact]
    public void Per_municipality_block_is_asked_once_per_chosen_unit_after_the_items_asked_once()
    {
        var questions = SurveyForm.Questions(Staff, ["Gävle", "Sandviken"]);

        Assert.Equal(["VERKSAMHET", "STRUKTUR", "FORMER"], questions.Take(3).Select(q => q.Field));
        Assert.Equal(3 + 2 * 9, questions.Count);
        Assert.Equal("P1/Gävle", questions[3].Field);
        Assert.Equal("P9/Sandviken", questions[^1].Field);
        Assert.DoesNotContain(questions, q => q.Item.Code == "KONTAKT");
    }

    [Fact]
    public void Screening_no_ends_the_survey()
    {
        Assert.True(SurveyForm.EndsSurvey(Staff, new Dictionary<string, string?> { ["KONTAKT"] = "nej" }));
        Assert.False(SurveyForm.EndsSurvey(Staff, new Dictionary<string, string?> { ["KONTAKT"] = "ja" }));
        Assert.False(SurveyForm.HasPerUnitBlock(BuiltInInstruments.Find("spindeln")!));
    }
}
