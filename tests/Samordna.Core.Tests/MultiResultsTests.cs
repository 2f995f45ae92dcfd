using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

/// <summary>Multi-select items (forms of collaboration): counted per record, percent of those who chose anything, protected per option.</summary>
public class MultiResultsTests
{
    private static readonly Instrument Staff = BuiltInInstruments.Find("gavleborg-2016-staff")!;
    private static readonly Item Forms = Staff.FindItem("FORMER")!;
    private static readonly Scale FormsScale = Staff.ScaleOf(Forms);

    private static IEnumerable<IReadOnlyCollection<string?>> Records(int times, params string?[] codes) =>
        Enumerable.Repeat<IReadOnlyCollection<string?>>(codes, times);

    [Fact]
    public void Each_record_counts_once_per_option_and_the_base_is_those_who_chose_anything()
    {
        var counts = MultiResults.Count(FormsScale, ItemResults.AllGroup,
            [.. Records(12, "sip", "teamtraff"), .. Records(8, "sip"), .. Records(6, "flerpartsmote", "sip", "sip"), .. Records(5, [null])]);

        Assert.Equal((26, 0, 5), (counts.Answered, counts.NonSubstantive, counts.Blank));
        var all = MultiResults.Summarise(Forms, FormsScale, [counts], 5).Groups.Single();
        Assert.Equal((31L, 26L, 5L), (all.N!.Value, all.ValidBase!.Value, all.Blank!.Value));
        var sip = all.Options.Single(o => o.Code == "sip");
        Assert.Equal(26, sip.Count);
        Assert.Equal(100.0, sip.Percent!.Value, 9);
        Assert.Equal(100.0 * 12 / 26, all.Options.Single(o => o.Code == "teamtraff").Percent!.Value, 9);
        Assert.Equal(100.0 * 6 / 26, all.Options.Single(o => o.Code == "flerpartsmote").Percent!.Value, 9);
        // Options nobody chose are shown as 0: a zero reveals nothing the threshold protects.
        Assert.Equal(0, all.Options.Single(o => o.Code == "projekt").Count);
        // Percentages of a multi-select item may sum to more than 100.
        Assert.True(all.Options.Sum(o => o.Percent!.Value) > 100);
    }

    [Fact]
    public void A_small_option_count_is_hidden_and_cannot_be_worked_back_from_the_other_group_and_all()
    {
        // Gävle: 3 of 20 chose "projekt" (small); Sandviken: 9 of 20. "Alla" 12 of 40 is shown, so Sandviken's must go too.
        var gavle = MultiResults.Count(FormsScale, "Gävle", [.. Records(3, "sip", "projekt"), .. Records(17, "sip")]);
        var sandviken = MultiResults.Count(FormsScale, "Sandviken", [.. Records(9, "projekt", "sip"), .. Records(11, "sip")]);
        var result = MultiResults.Summarise(Forms, FormsScale, [gavle, sandviken], 5);
        var overall = MultiResults.Summarise(Forms, FormsScale, [MultiResults.Count(FormsScale, ItemResults.AllGroup,
            [.. Records(3, "sip", "projekt"), .. Records(17, "sip"), .. Records(9, "projekt", "sip"), .. Records(11, "sip")])], 5).Groups.Single();

        Assert.Equal(12, overall.Options.Single(o => o.Code == "projekt").Count);
        var projekt = result.Groups.Select(g => g.Options.Single(o => o.Code == "projekt")).ToList();
        Assert.All(projekt, p => Assert.Null(p.Count));
        Assert.All(projekt, p => Assert.Null(p.Percent));
        // The other options and the group sizes stay visible.
        Assert.Equal([20L, 20L], result.Groups.Select(g => g.Options.Single(o => o.Code == "sip").Count!.Value));
        Assert.Equal([20L, 20L], result.Groups.Select(g => g.ValidBase!.Value));
    }

    [Fact]
    public void A_group_below_the_threshold_is_merged_like_for_single_items()
    {
        var small = MultiResults.Count(FormsScale, "Ockelbo", Records(2, "sip"));
        var large = MultiResults.Count(FormsScale, "Gävle", Records(30, "sip"));
        var groups = MultiResults.Summarise(Forms, FormsScale, [large, small], 5).Groups;
        Assert.DoesNotContain(groups, g => g.Group == "Ockelbo");
        Assert.All(groups, g => Assert.True(g.N is null or >= 5));
    }

    [Fact]
    public void Collapsed_categories_from_counts_match_those_from_answers()
    {
        var instrument = BuiltInInstruments.Find("partner-matrix")!;
        var item = instrument.FindItem("A1-FK")!;
        var scale = instrument.ScaleOf(item);
        var answers = new[] { "Mycket ofta", "Ofta", "Ofta", "Ibland", "Sällan", "Aldrig", "" }.SelectMany(a => Enumerable.Repeat(scale.Read(a), 6)).ToList();
        var fromAnswers = ItemResults.SummariseCollapsed(item, scale, [new(ItemResults.AllGroup, answers)], 5).Groups.Single();
        var fromCounts = ItemResults.SummariseCollapsedCounts(item, scale, [ItemResults.Count(scale, new(ItemResults.AllGroup, answers))], 5).Groups.Single();

        Assert.Equal(fromAnswers.Categories.Select(c => (c.Label, c.Count)), fromCounts.Categories.Select(c => (c.Label, c.Count)));
        Assert.Equal([18L, 6L, 12L], fromCounts.Categories.Select(c => c.Count!.Value));
        Assert.Equal(["Mycket ofta/Ofta", "Ibland", "Sällan/Aldrig"], fromCounts.Categories.Select(c => c.Label));
        Assert.Equal(6, fromCounts.Blank);
    }

    [Fact]
    public void Beside_the_full_table_a_collapsed_cell_never_gives_back_a_hidden_step()
    {
        var instrument = BuiltInInstruments.Find("partner-matrix")!;
        var item = instrument.FindItem("A1-FK")!;
        var scale = instrument.ScaleOf(item);
        // Sällan 6 is shown, Aldrig 4 is hidden: "Sällan/Aldrig" 10 − 6 would give the 4 back.
        var answers = new[] { ("Mycket ofta", 6), ("Ofta", 12), ("Ibland", 6), ("Sällan", 6), ("Aldrig", 4) }
            .SelectMany(a => Enumerable.Repeat(scale.Read(a.Item1), a.Item2)).ToList();
        var counts = ItemResults.Count(scale, new(ItemResults.AllGroup, answers));
        var full = ItemResults.SummariseCounts(item, scale, [counts], 5);
        var beside = ItemResults.CollapsedBeside(full, ItemResults.SummariseCollapsedCounts(item, scale, [counts], 5), scale).Groups.Single();

        var hidden = full.Groups.Single().Categories.Where(c => c.Count is null).Select(c => c.Code).ToHashSet();
        Assert.Contains("1", hidden); // Aldrig
        Assert.Null(beside.Categories.Single(c => c.Label == "Sällan/Aldrig").Count);
        // Every collapsed count still shown is the sum of steps the full table shows.
        foreach (var (category, i) in beside.Categories.Select((c, i) => (c, i)).Where(x => x.c.Count is not null))
        {
            var steps = scale.Collapsing![i].StepCodes;
            Assert.DoesNotContain(steps, hidden.Contains);
            Assert.Equal(full.Groups.Single().Categories.Where(c => steps.Contains(c.Code)).Sum(c => c.Count!.Value), category.Count!.Value);
        }
    }
}
