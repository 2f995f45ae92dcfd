using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

/// <summary>
/// Reference values computed with scipy 1.10.1 (Debian python3-scipy):
/// chi2_contingency(table, correction=False) and mannwhitneyu(x, y, method='asymptotic', alternative='two-sided').
/// The script is in docs/statistics.md; the numbers are committed so the tests need no Python.
/// </summary>
public class StatisticsTests
{
    private static IReadOnlyList<double> Expand(long[] counts) =>
        counts.SelectMany((count, step) => Enumerable.Repeat((double)(step + 1), (int)count)).ToList();

    [Fact]
    public void Chi_square_and_Mann_Whitney_match_scipy_on_a_six_step_scale()
    {
        long[] baseline = [3, 8, 15, 20, 12, 6], current = [1, 4, 10, 25, 18, 9];

        var chi = Statistics.ChiSquare([baseline, current])!;
        Assert.Equal(5.623135623963514, chi.Statistic, 1e-9);
        Assert.Equal(5, chi.DegreesOfFreedom);
        Assert.Equal(0.3446324336573561, chi.P, 1e-6);

        var mw = Statistics.MannWhitney(Expand(baseline), Expand(current))!;
        Assert.Equal(1688.5, mw.U, 1e-9);
        Assert.Equal(0.03055296759181677, mw.P, 1e-6);
        Assert.True(mw.Z < 0, "the baseline tends lower, so Z is negative");
    }

    [Fact]
    public void Categories_empty_in_both_rounds_are_dropped_and_ties_are_corrected()
    {
        long[] baseline = [0, 2, 5, 0, 7, 1], current = [0, 1, 9, 0, 3, 4];

        var chi = Statistics.ChiSquare([baseline, current])!;
        Assert.Equal(4.769822595704948, chi.Statistic, 1e-9);
        Assert.Equal(3, chi.DegreesOfFreedom);
        Assert.Equal(0.18944888599145213, chi.P, 1e-6);

        var mw = Statistics.MannWhitney(Expand(baseline), Expand(current))!;
        Assert.Equal(124.0, mw.U, 1e-9);
        Assert.Equal(0.9039832562532703, mw.P, 1e-6);
    }

    [Fact]
    public void Two_by_two_table_matches_scipy()
    {
        var chi = Statistics.ChiSquare([[66, 96], [66, 149]])!;
        Assert.Equal(4.095316493522477, chi.Statistic, 1e-9);
        Assert.Equal(1, chi.DegreesOfFreedom);
        Assert.Equal(0.04300217828020839, chi.P, 1e-6);
    }

    [Fact]
    public void Too_little_data_gives_no_test()
    {
        Assert.Null(Statistics.ChiSquare([[5, 0], [3, 0]]));
        Assert.Null(Statistics.MannWhitney([], [1, 2]));
    }

    [Fact]
    public void Newcombe_interval_matches_the_worked_example_of_Newcombe_1998()
    {
        // Newcombe (1998), Statistics in Medicine 17:873–890, table II example (56/70 vs 48/80):
        // difference 0.2000, method 10 interval 0.0524 to 0.3339.
        var d = Statistics.NewcombeDifference(56, 70, 48, 80)!;
        Assert.Equal(0.2, d.Difference, 1e-12);
        Assert.Equal(0.0524, d.Low, 4);
        Assert.Equal(0.3339, d.High, 4);
    }

    [Fact]
    public void Wilson_interval_matches_a_hand_calculation()
    {
        // 81 of 263: Wilson 95 % interval 0.2553 to 0.3662 (Newcombe 1998, table I, method 3).
        var (low, high) = Statistics.Wilson(81, 263);
        Assert.Equal(0.2553, low, 4);
        Assert.Equal(0.3662, high, 4);
    }
}

public class StatisticsTailTests
{
    [Fact]
    public void Very_small_p_values_are_not_rounded_to_zero()
    {
        // scipy 1.10.1: chi2_contingency([[500, 0], [0, 500]], correction=False) → statistic 1000.0, p = 1.7958327848007363e-219.
        var chi = Statistics.ChiSquare([[500, 0], [0, 500]])!;
        Assert.Equal(1000.0, chi.Statistic, 1e-9);
        Assert.True(chi.P > 0 && chi.P < 1e-200, $"p = {chi.P}");
    }
}
