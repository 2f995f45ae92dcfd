namespace Samordna.Core.Measurement;

public sealed record GroupComparison(
    string Group,
    GroupResult Baseline,
    GroupResult Current,
    double? UpperThreeDiff,
    double[]? Ci95,
    ChiSquareResult? ChiSquare,
    MannWhitneyResult? MannWhitney,
    string? Note);

public sealed record ItemComparison(string Code, string Wording, IReadOnlyList<GroupComparison> Groups);

/// <summary>
/// A round against its baseline, per item and group: both distributions (suppressed as always), the change in
/// the upper-three share with Newcombe's 95 % interval (percentage points, current minus baseline), Pearson's
/// chi-square on the substantive categories × round, and Mann–Whitney U on the step order (baseline first).
/// Tests are run only where every category of both rounds is shown, so no test can reveal a hidden count;
/// otherwise a plain Swedish note says why.
/// </summary>
public static class RoundComparison
{
    public static ItemComparison Compare(Item item, Scale scale, IReadOnlyList<GroupAnswers> baseline, IReadOnlyList<GroupAnswers> current, int threshold) =>
        CompareCounts(item, scale, baseline.Select(g => ItemResults.Count(scale, g)).ToList(), current.Select(g => ItemResults.Count(scale, g)).ToList(), threshold);

    public static ItemComparison CompareCounts(Item item, Scale scale, IReadOnlyList<ItemResults.Counts> baseline, IReadOnlyList<ItemResults.Counts> current, int threshold)
    {
        // Each round is protected exactly as its own results show it, so the two views never disagree on what
        // is hidden; groups are then paired by name, and a group found in one round only is noted, not padded.
        var beforeGroups = ItemResults.Breakdown(baseline, scale, threshold);
        var afterGroups = ItemResults.Breakdown(current, scale, threshold);
        var before = ItemResults.SummariseCounts(item, scale, beforeGroups, threshold).Groups;
        var after = ItemResults.SummariseCounts(item, scale, afterGroups, threshold).Groups;
        var names = before.Select(g => g.Group).Concat(after.Select(g => g.Group)).Distinct().ToList();

        var comparisons = names.Select(name =>
        {
            var b = before.FirstOrDefault(g => g.Group == name);
            var c = after.FirstOrDefault(g => g.Group == name);
            if (b is null || c is null)
                return new GroupComparison(name, b ?? Missing(name, scale), c ?? Missing(name, scale), null, null, null, null,
                    "Gruppen finns bara i den ena mätningen (eller är sammanslagen med andra små grupper där) och jämförs inte.");
            var note = Reason(b, c, threshold);
            if (note is not null) return new GroupComparison(name, b, c, null, null, null, null, note);

            var baselineSteps = b.Categories.Select(x => x.Count!.Value).ToArray();
            var currentSteps = c.Categories.Select(x => x.Count!.Value).ToArray();
            double? diff = null;
            double[]? ci = null;
            if (scale.Steps.Count == 6 && Statistics.NewcombeDifference(currentSteps.Skip(3).Sum(), c.ValidBase!.Value, baselineSteps.Skip(3).Sum(), b.ValidBase!.Value) is { } d)
            {
                diff = 100 * d.Difference;
                ci = [100 * d.Low, 100 * d.High];
            }
            return new GroupComparison(name, b, c, diff, ci,
                Statistics.ChiSquare([baselineSteps, currentSteps]),
                Statistics.MannWhitney(Ranks(baselineSteps), Ranks(currentSteps)),
                null);
        }).ToList();
        return new ItemComparison(item.Code, item.Wording, comparisons);
    }

    private static GroupResult Missing(string name, Scale scale) =>
        new(name, null, null, null, null, scale.Steps.Select(st => new CategoryResult(st.Code, st.Label, null, null)).ToList(), null, null, null, true);

    private static string? Reason(GroupResult baseline, GroupResult current, int threshold)
    {
        if (baseline.ValidBase is null or 0 || current.ValidBase is null or 0 || baseline.ValidBase < threshold || current.ValidBase < threshold)
            return $"För få svar för att jämföra: det behövs minst {threshold} giltiga svar i båda mätningarna.";
        if (baseline.Categories.Concat(current.Categories).Any(x => x.Count is null))
            return "Jämförelsen visas inte eftersom små tal döljs i gruppen; ett test skulle kunna avslöja dem.";
        return null;
    }

    /// <summary>The step order (1 = lowest) of every substantive answer, for the rank test.</summary>
    private static List<double> Ranks(long[] counts) =>
        counts.SelectMany((count, step) => Enumerable.Repeat((double)(step + 1), (int)count)).ToList();
}
