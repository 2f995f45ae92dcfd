using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

/// <summary>Published figures of seed 004 reproduced from raw answers built to match them.</summary>
public class ItemResultsTests
{
    private static IEnumerable<AnswerValue> Repeat(Scale scale, string answer, int times) =>
        Enumerable.Repeat(scale.Read(answer), times);

    private static Item ItemOf(string instrument, string code) => BuiltInInstruments.Find(instrument)!.FindItem(code)!;

    [Fact]
    public void Seed_004_table_2_target_group_contact_with_blanks_kept_apart()
    {
        var answers = Repeat(Scales.YesNo, "Ja", 718).Concat(Repeat(Scales.YesNo, "Nej", 83)).Concat(Repeat(Scales.YesNo, "", 3)).ToList();

        // At the lowest permitted threshold (3) the report's three blanks may be shown; at the default 5 they are hidden.
        var all = ItemResults.Summarise(ItemOf("gavleborg-2016-staff", "KONTAKT"), Scales.YesNo, [new(ItemResults.AllGroup, answers)], 3).Groups.Single();
        var byDefault = ItemResults.Summarise(ItemOf("gavleborg-2016-staff", "KONTAKT"), Scales.YesNo, [new(ItemResults.AllGroup, answers)], 5).Groups.Single();
        Assert.Null(byDefault.Blank);
        Assert.Equal(804, byDefault.N);

        Assert.Equal(804, all.N);
        Assert.Equal(801, all.ValidBase);
        Assert.Equal(3, all.Blank);
        Assert.Equal(718, all.Categories.Single(c => c.Label == "Ja").Count);
        Assert.Equal(83, all.Categories.Single(c => c.Label == "Nej").Count);
        // The report's percentages use all 804 as base: 89,3 %, 10,3 %, 0,4 %.
        Assert.Equal(89.3, Math.Round(100.0 * 718 / all.N!.Value, 1));
        Assert.Equal(0.4, Math.Round(100.0 * all.Blank!.Value / all.N!.Value, 1));
        // Ours state their base: the valid answers.
        Assert.Equal(100.0 * 718 / 801, all.Categories.Single(c => c.Label == "Ja").Percent!.Value, 9);
    }

    [Fact]
    public void Seed_004_table_4_structured_collaboration_by_county_part_counted_per_record()
    {
        (string Part, int Yes, int No)[] table4 = [("Norra Hälsingland", 66, 96), ("Södra Hälsingland", 69, 96), ("Västra Gästrikland", 81, 138), ("Gävle", 66, 149)];
        var groups = table4.Select(t => new GroupAnswers(t.Part,
            Repeat(Scales.YesNo, "ja", t.Yes).Concat(Repeat(Scales.YesNo, "nej", t.No)).ToList())).ToList();

        var result = ItemResults.Summarise(ItemOf("gavleborg-2016-staff", "STRUKTUR"), Scales.YesNo, groups, 5);

        Assert.Equal(761, result.Groups.Sum(g => g.N));
        foreach (var (part, yes, no) in table4)
        {
            var g = result.Groups.Single(x => x.Group == part);
            Assert.Equal(yes, g.Categories.Single(c => c.Code == "ja").Count);
            Assert.Equal(no, g.Categories.Single(c => c.Code == "nej").Count);
            Assert.False(g.Suppressed);
        }
        Assert.Equal(41, Math.Round(result.Groups[0].Categories.Single(c => c.Code == "ja").Percent!.Value));
        Assert.Equal(42, Math.Round(result.Groups[1].Categories.Single(c => c.Code == "ja").Percent!.Value));
        Assert.Equal(37, Math.Round(result.Groups[2].Categories.Single(c => c.Code == "ja").Percent!.Value));
    }

    [Fact]
    public void Seed_004_Mysam_M1_is_90_percent_on_its_valid_base_of_62_of_67_records()
    {
        var scale = Scales.Frequency6;
        var answers = Repeat(scale, "Ofta", 20).Concat(Repeat(scale, "För det mesta", 21)).Concat(Repeat(scale, "Alltid", 15))
            .Concat(Repeat(scale, "Ibland", 6)).Concat(Repeat(scale, "Vet ej", 3)).Concat(Repeat(scale, "", 2)).ToList();

        var all = ItemResults.Summarise(ItemOf("gavleborg-2016-mysam", "M1"), scale, [new(ItemResults.AllGroup, answers)], 5).Groups.Single();

        Assert.Equal(67, all.N);
        Assert.Equal(62, all.ValidBase);
        // 3 "vet ej" and 2 blank are small cells, each hiding the other.
        Assert.Null(all.NonSubstantive);
        Assert.Null(all.Blank);
        Assert.Equal(100.0 * 56 / 62, all.UpperThreeShare!.Value, 9);
        Assert.Equal(90, Math.Round(all.UpperThreeShare!.Value));
        Assert.Equal((20 * 4 + 21 * 5 + 15 * 6 + 6 * 3) / 62.0, all.Mean!.Value, 9);
    }

    [Fact]
    public void Small_groups_are_merged_so_no_group_size_can_be_subtracted_from_the_total()
    {
        var scale = Scales.YesNo;
        var groups = new List<GroupAnswers>
        {
            new("Ockelbo", Repeat(scale, "ja", 2).Concat(Repeat(scale, "nej", 1)).ToList()),
            new("Gävle", Repeat(scale, "ja", 40).Concat(Repeat(scale, "nej", 30)).ToList()),
            new("Sandviken", Repeat(scale, "ja", 25).Concat(Repeat(scale, "nej", 20)).ToList()),
        };

        var result = ItemResults.Summarise(ItemOf("gavleborg-2016-staff", "STRUKTUR"), scale, groups, 5);

        // Ockelbo (3) is below the threshold, and alone still is, so the smallest other group joins it.
        Assert.Equal(["Gävle", ItemResults.SmallGroups], result.Groups.Select(g => g.Group));
        Assert.Equal(48, result.Groups[1].N);
        Assert.All(result.Groups, g => Assert.True(g.N >= 5));
    }

    [Fact]
    public void Nothing_hidden_can_be_worked_out_from_everything_published_for_a_breakdown_and_its_total()
    {
        // Property over random breakdowns: the "Alla" view and the group view together publish the visible cells,
        // every row's valid base, and that "Alla" is the sum of the groups. No hidden cell may follow from that.
        var random = new Random(1701);
        var item = ItemOf("gavleborg-2016-staff", "P1");
        for (var run = 0; run < 300; run++)
        {
            var groups = Enumerable.Range(0, random.Next(2, 6)).Select(g => new ItemResults.Counts($"G{g}",
                Enumerable.Range(0, 6).Select(_ => (long)(random.Next(3) == 0 ? random.Next(0, 4) : random.Next(0, 25))).ToArray(),
                random.Next(0, 6), random.Next(0, 6))).ToList();
            var threshold = random.Next(3, 7);
            var all = ItemResults.SummariseCounts(item, Scales.Frequency6, [ItemResults.Sum(ItemResults.AllGroup, groups, Scales.Frequency6)], threshold).Groups.Single();
            var shown = ItemResults.SummariseCounts(item, Scales.Frequency6, groups, threshold).Groups;
            if (shown.Any(g => g.Suppressed)) continue;

            // Unknowns: the category cells of each shown group, then of "Alla".
            var rows = shown.Select(g => g.Categories.Select(c => c.Count).ToArray()).Append(all.Categories.Select(c => c.Count).ToArray()).ToList();
            int width = 6, unknowns = rows.Count * width;
            var equations = new List<double[]>();
            for (var r = 0; r < rows.Count; r++)
            {
                var rowSum = new double[unknowns];
                for (var c = 0; c < width; c++)
                {
                    rowSum[r * width + c] = 1;
                    if (rows[r][c] is not null) { var known = new double[unknowns]; known[r * width + c] = 1; equations.Add(known); }
                }
                equations.Add(rowSum);
            }
            for (var c = 0; c < width; c++)
            {
                var column = new double[unknowns];
                for (var r = 0; r < rows.Count - 1; r++) column[r * width + c] = 1;
                column[(rows.Count - 1) * width + c] = -1;
                equations.Add(column);
            }
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < width; c++)
                    if (rows[r][c] is null)
                        Assert.False(LinearAlgebra.Determines(equations, r * width + c, unknowns), $"run {run}: row {r} column {c} can be worked out");
        }
    }

    [Fact]
    public void A_hidden_category_withholds_mean_and_upper_three_share()
    {
        var scale = Scales.Extent6;
        var answers = Repeat(scale, "Delvis", 10).Concat(Repeat(scale, "Helt och hållet", 2)).Concat(Repeat(scale, "Till stor del", 12)).ToList();

        var all = ItemResults.Summarise(ItemOf("gavleborg-2016-staff", "P4"), scale, [new(ItemResults.AllGroup, answers)], 5).Groups.Single();

        Assert.Null(all.Categories.Single(c => c.Label == "Helt och hållet").Count);
        Assert.Null(all.Categories.Single(c => c.Label == "Delvis").Count); // complementary: smallest other non-zero
        Assert.Equal(12, all.Categories.Single(c => c.Label == "Till stor del").Count);
        Assert.Null(all.Mean);
        Assert.Null(all.UpperThreeShare);
        Assert.Equal(24, all.ValidBase);
    }

    [Fact]
    public void Seed_001_figure_12_contact_frequency_by_partner_collapsed_in_three()
    {
        // 116 answers per partner, split so the collapsed shares round to the report's: FK 39·28·34 (sums to 101
        // by rounding, as printed), AF 63·24·13, municipalities 71·21·9, HS 53·27·20.
        (string Partner, int VeryOften, int Often, int Sometimes, int Seldom, int Never)[] rows =
            [("FK", 20, 25, 32, 25, 14), ("AF", 40, 33, 28, 10, 5), ("KOM", 50, 32, 24, 6, 4), ("HS", 30, 32, 31, 15, 8)];
        (int, int, int)[] printed = [(39, 28, 34), (63, 24, 13), (71, 21, 9), (53, 27, 20)];
        var instrument = BuiltInInstruments.Find("partner-matrix")!;

        foreach (var ((partner, veryOften, often, sometimes, seldom, never), expected) in rows.Zip(printed))
        {
            var item = instrument.FindItem($"A1-{partner}")!;
            var scale = instrument.ScaleOf(item);
            var answers = Repeat(scale, "Mycket ofta", veryOften).Concat(Repeat(scale, "Ofta", often)).Concat(Repeat(scale, "Ibland", sometimes))
                .Concat(Repeat(scale, "Sällan", seldom)).Concat(Repeat(scale, "Aldrig", never)).ToList();

            // KOM's 4 "Aldrig" would be a small cell on its own; collapsed with "Sällan" it is not.
            var group = ItemResults.SummariseCollapsed(item, scale, [new(ItemResults.AllGroup, answers)], 5).Groups.Single();
            var collapsed = group.Categories.Select(c => (int)Math.Round(c.Percent!.Value)).ToArray();

            Assert.Equal(expected, (collapsed[0], collapsed[1], collapsed[2]));
        }
    }
}
