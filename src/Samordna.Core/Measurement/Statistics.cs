using MathNet.Numerics.Distributions;

namespace Samordna.Core.Measurement;

public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double P);
public sealed record MannWhitneyResult(double U, double Z, double P);
public sealed record DifferenceInterval(double Difference, double Low, double High);

/// <summary>
/// The tests used to compare a round with its baseline. Each matches a reference implementation exactly
/// (scipy.stats; Newcombe 1998), and the tests hold the reference values.
/// </summary>
public static class Statistics
{
    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// Pearson's chi-square test of independence without Yates' correction on a rounds × categories table
    /// (as scipy.stats.chi2_contingency(correction=False)); categories empty in every row are dropped.
    /// Null when fewer than two rows or columns remain.
    /// </summary>
    public static ChiSquareResult? ChiSquare(IReadOnlyList<IReadOnlyList<long>> table)
    {
        var columns = Enumerable.Range(0, table[0].Count).Where(c => table.Sum(r => r[c]) > 0).ToList();
        var rows = table.Where(r => r.Sum() > 0).ToList();
        if (rows.Count < 2 || columns.Count < 2) return null;

        double total = rows.Sum(r => columns.Sum(c => (double)r[c]));
        var statistic = 0.0;
        foreach (var row in rows)
        {
            double rowSum = columns.Sum(c => (double)row[c]);
            foreach (var c in columns)
            {
                var expected = rowSum * rows.Sum(r => (double)r[c]) / total;
                statistic += (row[c] - expected) * (row[c] - expected) / expected;
            }
        }
        var df = (rows.Count - 1) * (columns.Count - 1);
        // The upper regularized gamma directly: 1 − CDF would round tiny p-values to 0.
        return new ChiSquareResult(statistic, df, MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(df / 2.0, statistic / 2.0));
    }

    /// <summary>
    /// Two-sided Mann–Whitney U with the normal approximation, tie correction and continuity correction
    /// (as scipy.stats.mannwhitneyu(x, y, method='asymptotic')). U is the first sample's statistic;
    /// Z is signed (negative when the first sample tends lower). Null when a sample is empty.
    /// </summary>
    public static MannWhitneyResult? MannWhitney(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        int n1 = first.Count, n2 = second.Count;
        if (n1 == 0 || n2 == 0) return null;
        var all = first.Select(v => (Value: v, First: true)).Concat(second.Select(v => (Value: v, First: false)))
            .OrderBy(x => x.Value).ToList();
        var n = all.Count;
        double rankSumFirst = 0, tieTerm = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j < n && all[j].Value == all[i].Value) j++;
            var averageRank = (i + 1 + j) / 2.0;
            rankSumFirst += all.Skip(i).Take(j - i).Count(x => x.First) * averageRank;
            double t = j - i;
            tieTerm += t * t * t - t;
            i = j;
        }
        var u1 = rankSumFirst - n1 * (n1 + 1) / 2.0;
        var mean = n1 * (double)n2 / 2;
        var sd = Math.Sqrt(n1 * (double)n2 / 12 * (n + 1 - tieTerm / (n * (double)(n - 1))));
        if (sd == 0) return new MannWhitneyResult(u1, 0, 1);
        var distance = Math.Abs(u1 - mean);
        var z = Math.Sign(u1 - mean) * Math.Max(distance - 0.5, 0) / sd;
        var p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        return new MannWhitneyResult(u1, z, p);
    }

    /// <summary>Wilson's score interval for one proportion.</summary>
    public static (double Low, double High) Wilson(long successes, long total, double z = Z95)
    {
        if (total == 0) return (0, 1);
        var p = successes / (double)total;
        var z2 = z * z;
        var centre = (p + z2 / (2 * total)) / (1 + z2 / total);
        var half = z / (1 + z2 / total) * Math.Sqrt(p * (1 - p) / total + z2 / (4.0 * total * total));
        return (centre - half, centre + half);
    }

    /// <summary>
    /// The difference of two proportions (first minus second) with Newcombe's hybrid score interval
    /// (method 10 of Newcombe 1998), built from the two Wilson intervals.
    /// </summary>
    public static DifferenceInterval? NewcombeDifference(long successes1, long total1, long successes2, long total2)
    {
        if (total1 == 0 || total2 == 0) return null;
        double p1 = successes1 / (double)total1, p2 = successes2 / (double)total2;
        var (l1, u1) = Wilson(successes1, total1);
        var (l2, u2) = Wilson(successes2, total2);
        var d = p1 - p2;
        return new DifferenceInterval(d,
            d - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)),
            d + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)));
    }
}
