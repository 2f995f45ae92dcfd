using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

public class RoundComparisonTests
{
    private static List<AnswerValue> Answers(long[] countsPerStep) =>
        countsPerStep.SelectMany((count, step) => Enumerable.Repeat(AnswerValue.Substantive(step), (int)count)).ToList();

    private static readonly Item P1 = BuiltInInstruments.Find("gavleborg-2016-staff")!.FindItem("P1")!;

    [Fact]
    public void Compares_a_group_with_scipy_values_and_the_upper_three_difference()
    {
        // Reference (scipy 1.10.1): chi2_contingency(correction=False) 4.507289150563608, df 5, p 0.4789087675327527;
        // mannwhitneyu(method='asymptotic') U 1813.5, p 0.06738386260865871.
        long[] baseline = [3, 8, 15, 20, 12, 6], current = [3, 4, 10, 25, 18, 9];

        var result = RoundComparison.Compare(P1, Scales.Frequency6, [new("Gävle", Answers(baseline))], [new("Gävle", Answers(current))], 3);

        var g = result.Groups.Single();
        Assert.Null(g.Note);
        Assert.Equal(4.507289150563608, g.ChiSquare!.Statistic, 1e-9);
        Assert.Equal(0.4789087675327527, g.ChiSquare!.P, 1e-6);
        Assert.Equal(1813.5, g.MannWhitney!.U, 1e-9);
        Assert.Equal(0.06738386260865871, g.MannWhitney!.P, 1e-6);
        // Upper three: baseline 38 of 64, current 52 of 69.
        Assert.Equal(100.0 * 52 / 69 - 100.0 * 38 / 64, g.UpperThreeDiff!.Value, 9);
        var expected = Statistics.NewcombeDifference(52, 69, 38, 64)!;
        Assert.Equal(100 * expected.Low, g.Ci95![0], 9);
        Assert.Equal(100 * expected.High, g.Ci95![1], 9);
        Assert.True(g.Ci95[0] < g.UpperThreeDiff && g.UpperThreeDiff < g.Ci95[1]);
    }

    [Fact]
    public void A_small_group_gets_a_Swedish_note_instead_of_tests()
    {
        var result = RoundComparison.Compare(P1, Scales.Frequency6,
            [new("Ockelbo", Answers([0, 0, 1, 1, 1, 0]))], [new("Ockelbo", Answers([0, 0, 0, 2, 2, 0]))], 5);

        var g = result.Groups.Single();
        Assert.Null(g.ChiSquare);
        Assert.Null(g.MannWhitney);
        Assert.Null(g.UpperThreeDiff);
        Assert.Contains("För få svar", g.Note);
    }

    [Fact]
    public void A_group_with_hidden_cells_gets_no_test_that_could_reveal_them()
    {
        var result = RoundComparison.Compare(P1, Scales.Frequency6,
            [new("Gävle", Answers([2, 10, 15, 20, 12, 6]))], [new("Gävle", Answers([10, 10, 10, 25, 18, 9]))], 5);

        var g = result.Groups.Single();
        Assert.Null(g.ChiSquare);
        Assert.Contains("små tal", g.Note);
        Assert.Null(g.Baseline.Categories[0].Count);
    }
}
