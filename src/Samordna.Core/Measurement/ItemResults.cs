namespace Samordna.Core.Measurement;

public sealed record CategoryResult(string Code, string Label, long? Count, double? Percent);

/// <summary>
/// One item's answers in one group. Percentages are 0–100 on the valid base (substantive answers);
/// non-substantive answers and blanks are counted apart. Null means hidden by small-cell suppression.
/// </summary>
public sealed record GroupResult(
    string Group,
    long? N,
    long? ValidBase,
    long? NonSubstantive,
    long? Blank,
    IReadOnlyList<CategoryResult> Categories,
    double? UpperThreeShare,
    double? Mean,
    double? Sd,
    bool Suppressed);

public sealed record ItemResult(string Code, string Wording, string Scale, IReadOnlyList<GroupResult> Groups);

/// <summary>The answers of one group to one item, already read against the item's scale.</summary>
public sealed record GroupAnswers(string Group, IReadOnlyList<AnswerValue> Answers);

/// <summary>
/// Summarises an item per group and passes every number through small-cell suppression. Three tables are
/// protected in turn, each with the overall group ("Alla") as published column totals: the group sizes
/// (valid base and the rest), the categories (row total: the valid base) and the non-substantive and blank
/// counts. Where any category of a group is hidden, its mean, standard deviation and upper-three share are
/// withheld too, since each would let a hidden count be worked back.
/// </summary>
public static class ItemResults
{
    public const string AllGroup = "Alla";

    public static ItemResult Summarise(Item item, Scale scale, IReadOnlyList<GroupAnswers> groups, int threshold) =>
        SummariseCounts(item, scale, groups.Select(g => Count(scale, g)).ToList(), threshold);

    /// <summary>
    /// The item on the scale's collapsed categories (e.g. Mycket ofta/Ofta – Ibland – Sällan/Aldrig): the answers
    /// are regrouped first and the collapsed table is what suppression protects, since it is what is shown.
    /// </summary>
    public static ItemResult SummariseCollapsed(Item item, Scale scale, IReadOnlyList<GroupAnswers> groups, int threshold) =>
        SummariseCollapsedCounts(item, scale, groups.Select(g => Count(scale, g)).ToList(), threshold);

    /// <summary>The same from counts already aggregated (by the database).</summary>
    public static ItemResult SummariseCollapsedCounts(Item item, Scale scale, IReadOnlyList<Counts> groups, int threshold)
    {
        var categories = scale.Collapsing ?? throw new InvalidOperationException($"Skalan {scale.Code} har ingen sammanslagning.");
        var collapsed = scale with
        {
            Steps = categories.Select(c => new ScaleStep(string.Join("+", c.StepCodes), c.Label)).ToList(),
            Collapsing = null,
        };
        var target = scale.Steps.Select(step => categories.ToList().FindIndex(c => c.StepCodes.Contains(step.Code))).ToArray();
        // A step in no category counts as blank, as it is not part of what the collapsed table reports.
        var regrouped = groups.Select(g =>
        {
            var steps = new long[categories.Count];
            var blank = g.Blank;
            for (var i = 0; i < g.Steps.Length; i++)
                if (target[i] >= 0) steps[target[i]] += g.Steps[i];
                else blank += g.Steps[i];
            return new Counts(g.Group, steps, g.NonSubstantive, blank);
        }).ToList();
        return SummariseCounts(item, collapsed, regrouped, threshold);
    }

    /// <summary>
    /// The collapsed result as it may be shown beside the full one: a collapsed cell that contains a step hidden in the
    /// full table is hidden too (else the shown steps subtracted from it would give the hidden one back), and so is
    /// the blank count when the full one is hidden. What remains shown is a sum of numbers the full table shows, so
    /// the two tables together reveal no more than the full table alone. Groups are matched by name (both tables merge
    /// the same small groups, since their sizes are equal).
    /// </summary>
    public static ItemResult CollapsedBeside(ItemResult full, ItemResult collapsed, Scale scale)
    {
        var categories = scale.Collapsing ?? throw new InvalidOperationException($"Skalan {scale.Code} har ingen sammanslagning.");
        return collapsed with
        {
            Groups = collapsed.Groups.Select(g =>
            {
                var shown = full.Groups.FirstOrDefault(f => f.Group == g.Group);
                if (shown is null) return g;
                var hiddenSteps = shown.Categories.Where(c => c.Count is null).Select(c => c.Code).ToHashSet();
                return g with
                {
                    Categories = g.Categories.Select((c, i) => categories[i].StepCodes.Any(hiddenSteps.Contains) ? c with { Count = null, Percent = null } : c).ToList(),
                    Blank = shown.Blank is null ? null : g.Blank,
                    NonSubstantive = shown.NonSubstantive is null ? null : g.NonSubstantive,
                };
            }).ToList(),
        };
    }

    /// <summary>The counts of one group: per step (in scale order), non-substantive, blank.</summary>
    public sealed record Counts(string Group, long[] Steps, long NonSubstantive, long Blank)
    {
        public long ValidBase => Steps.Sum();
        public long N => ValidBase + NonSubstantive + Blank;
    }

    public static Counts Count(Scale scale, GroupAnswers group)
    {
        var steps = new long[scale.Steps.Count];
        long nonSubstantive = 0, blank = 0;
        foreach (var answer in group.Answers)
        {
            switch (answer.Kind)
            {
                case AnswerKind.Substantive: steps[answer.StepIndex]++; break;
                case AnswerKind.NonSubstantive: nonSubstantive++; break;
                default: blank++; break;
            }
        }
        return new Counts(group.Group, steps, nonSubstantive, blank);
    }

    /// <summary>From counts already aggregated (by the database): the same result as from the answers.</summary>
    public static ItemResult SummariseCounts(Item item, Scale scale, IReadOnlyList<Counts> groups, int threshold)
    {
        if (groups.Count == 0) return new ItemResult(item.Code, item.Wording, scale.Code, []);
        var overall = Sum(AllGroup, groups, scale);
        var overallResult = Protect(scale, [overall], threshold, published: null)[0];
        if (groups.Count == 1 && groups[0].Group == AllGroup)
            return new ItemResult(item.Code, item.Wording, scale.Code, [overallResult]);
        return new ItemResult(item.Code, item.Wording, scale.Code, Protect(scale, Breakdown(groups, scale, threshold), threshold, overallResult));
    }

    /// <summary>The groups as they are reported: small ones merged (see <see cref="SmallGroups"/>).</summary>
    public static List<Counts> Breakdown(IReadOnlyList<Counts> groups, Scale scale, int threshold) =>
        groups.Count == 1 && groups[0].Group == AllGroup ? groups.ToList() : MergeSmall(groups, scale, threshold);

    /// <summary>Groups with fewer answer records than the threshold are reported together.</summary>
    public const string SmallGroups = "Övriga (små grupper)";

    /// <summary>
    /// Merges the groups below the threshold into one; if that is still below, the smallest other group joins it.
    /// So every group shown has a size of at least the threshold, and no group's size can be subtracted out of "Alla".
    /// </summary>
    private static List<Counts> MergeSmall(IReadOnlyList<Counts> groups, Scale scale, int threshold)
    {
        var large = groups.Where(g => g.N >= threshold).OrderBy(g => g.N).ToList();
        var small = groups.Where(g => g.N < threshold).ToList();
        if (small.Count == 0) return groups.ToList();
        while (small.Sum(g => g.N) < threshold && large.Count > 0)
        {
            small.Add(large[0]);
            large.RemoveAt(0);
        }
        var merged = Sum(SmallGroups, small, scale);
        return groups.Where(g => large.Contains(g)).Append(merged).ToList();
    }

    public static Counts Sum(string name, IReadOnlyList<Counts> groups, Scale scale) => new(name,
        Enumerable.Range(0, scale.Steps.Count).Select(i => groups.Sum(g => g.Steps[i])).ToArray(),
        groups.Sum(g => g.NonSubstantive), groups.Sum(g => g.Blank));

    /// <param name="published">the "Alla" group as already published, or null when protecting "Alla" itself.</param>
    /// <remarks>
    /// The groups and the published "Alla" row are protected as one table per part (the categories, with the valid
    /// base as row total; the non-substantive and blank answers, with the rest as row total): "Alla" = the sum of
    /// the groups is a published equation for every column. "Alla" keeps the pattern it was published with, so the
    /// breakdown hides group cells instead. Group sizes and valid bases are always shown (every group is at least
    /// the threshold), except when "Alla" itself is below it: then everything is hidden.
    /// </remarks>
    private static List<GroupResult> Protect(Scale scale, List<Counts> groups, int threshold, GroupResult? published)
    {
        var withAll = published is null ? groups : [.. groups, Sum(AllGroup, groups, scale)];
        var n = withAll.Count;
        var allRow = published is null ? -1 : n - 1;
        var hideAll = withAll.Any(r => r.N < threshold);
        var totals = Enumerable.Repeat(!hideAll, n).ToArray();
        bool[]? locked = published is null ? null : Enumerable.Range(0, n).Select(g => g == allRow).ToArray();
        bool[,] Forced(int columns, Func<int, bool> hiddenInAll)
        {
            var forced = new bool[n, columns];
            for (var g = 0; g < n; g++)
                for (var c = 0; c < columns; c++)
                    forced[g, c] = hideAll || (g == allRow && hiddenInAll(c));
            return forced;
        }

        var categoryHidden = CellSuppression.Apply(Table(withAll, r => r.Steps), totals,
            Enumerable.Repeat(published is not null, scale.Steps.Count).ToArray(), threshold,
            Forced(scale.Steps.Count, c => published!.Categories[c].Count is null), lockedRows: locked);
        var restHidden = CellSuppression.Apply(Table(withAll, r => [r.NonSubstantive, r.Blank]), totals,
            [published is not null, published is not null], threshold,
            Forced(2, c => (c == 0 ? published!.NonSubstantive : published!.Blank) is null), lockedRows: locked);

        return groups.Select((r, g) =>
        {
            var anyCategoryHidden = Enumerable.Range(0, scale.Steps.Count).Any(c => categoryHidden[g, c]);
            var cats = scale.Steps.Select((step, c) => new CategoryResult(step.Code, step.Label,
                categoryHidden[g, c] ? null : r.Steps[c],
                categoryHidden[g, c] || hideAll || r.ValidBase == 0 ? null : 100.0 * r.Steps[c] / r.ValidBase)).ToList();
            var exact = !anyCategoryHidden && !hideAll && r.ValidBase > 0;
            return new GroupResult(r.Group,
                hideAll ? null : r.N,
                hideAll ? null : r.ValidBase,
                restHidden[g, 0] ? null : r.NonSubstantive,
                restHidden[g, 1] ? null : r.Blank,
                cats,
                exact && scale.Steps.Count == 6 ? 100.0 * r.Steps.Skip(3).Sum() / r.ValidBase : null,
                exact && scale.IsNumeric ? Mean(scale, r) : null,
                exact && scale.IsNumeric && r.ValidBase > 1 ? SampleSd(scale, r) : null,
                hideAll);
        }).ToList();
    }

    private static long[,] Table(IReadOnlyList<Counts> rows, Func<Counts, long[]> cells)
    {
        var width = cells(rows[0]).Length;
        var table = new long[rows.Count, width];
        for (var g = 0; g < rows.Count; g++)
        {
            var row = cells(rows[g]);
            for (var c = 0; c < width; c++) table[g, c] = row[c];
        }
        return table;
    }

    private static double Mean(Scale scale, Counts r) =>
        scale.Steps.Select((s, i) => s.Value!.Value * r.Steps[i]).Sum() / r.ValidBase;

    private static double SampleSd(Scale scale, Counts r)
    {
        var mean = Mean(scale, r);
        return Math.Sqrt(scale.Steps.Select((s, i) => (s.Value!.Value - mean) * (s.Value!.Value - mean) * r.Steps[i]).Sum() / (r.ValidBase - 1));
    }
}
