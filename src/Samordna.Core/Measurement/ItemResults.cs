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
    public static ItemResult SummariseCollapsed(Item item, Scale scale, IReadOnlyList<GroupAnswers> groups, int threshold)
    {
        var categories = scale.Collapsing ?? throw new InvalidOperationException($"Skalan {scale.Code} har ingen sammanslagning.");
        var collapsed = scale with
        {
            Steps = categories.Select(c => new ScaleStep(string.Join("+", c.StepCodes), c.Label)).ToList(),
            Collapsing = null,
        };
        var target = scale.Steps.Select(step => categories.ToList().FindIndex(c => c.StepCodes.Contains(step.Code))).ToArray();
        var regrouped = groups.Select(g => new GroupAnswers(g.Group, g.Answers.Select(a =>
            a.Kind == AnswerKind.Substantive
                ? target[a.StepIndex] >= 0 ? AnswerValue.Substantive(target[a.StepIndex]) : AnswerValue.Blank
                : a).ToList())).ToList();
        return Summarise(item, collapsed, regrouped, threshold);
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
        var overall = new Counts(AllGroup,
            Enumerable.Range(0, scale.Steps.Count).Select(i => groups.Sum(g => g.Steps[i])).ToArray(),
            groups.Sum(g => g.NonSubstantive), groups.Sum(g => g.Blank));
        var overallResult = Protect(scale, [overall], threshold, columnTotals: null)[0];
        if (groups.Count == 1 && groups[0].Group == AllGroup)
            return new ItemResult(item.Code, item.Wording, scale.Code, [overallResult]);
        return new ItemResult(item.Code, item.Wording, scale.Code, Protect(scale, groups.ToList(), threshold, overallResult));
    }

    /// <param name="columnTotals">the overall group as published, or null for the overall group itself.</param>
    private static List<GroupResult> Protect(Scale scale, List<Counts> rows, int threshold, GroupResult? columnTotals)
    {
        var n = rows.Count;
        var tooSmall = rows.Select(r => r.N < threshold).ToArray();
        var hasColumns = columnTotals is not null && n > 1;

        // 1. Sizes: [valid base, the rest] with the group size as row total; a group below the threshold is hidden whole.
        var sizes = Table(rows, r => [r.ValidBase, r.NonSubstantive + r.Blank]);
        var sizeForced = Forced(n, 2, g => tooSmall[g]);
        var sizeHidden = CellSuppression.Apply(sizes, tooSmall.Select(s => !s).ToArray(),
            [hasColumns && columnTotals!.ValidBase is not null, hasColumns && columnTotals!.N is not null && columnTotals.ValidBase is not null],
            threshold, sizeForced, primary: false);
        var validBaseShown = Enumerable.Range(0, n).Select(g => !sizeHidden[g, 0]).ToArray();

        // 2. Categories, with the valid base as row total.
        var categories = Table(rows, r => r.Steps);
        var categoryHidden = CellSuppression.Apply(categories, validBaseShown,
            Enumerable.Range(0, scale.Steps.Count).Select(c => hasColumns && columnTotals!.Categories[c].Count is not null).ToArray(),
            threshold, Forced(n, scale.Steps.Count, g => tooSmall[g]));

        // 3. Non-substantive and blank, with the group size less the valid base as row total.
        var rest = Table(rows, r => [r.NonSubstantive, r.Blank]);
        var restHidden = CellSuppression.Apply(rest, Enumerable.Range(0, n).Select(g => !tooSmall[g] && validBaseShown[g]).ToArray(),
            [hasColumns && columnTotals!.NonSubstantive is not null, hasColumns && columnTotals!.Blank is not null],
            threshold, Forced(n, 2, g => tooSmall[g]));

        return rows.Select((r, g) =>
        {
            var anyCategoryHidden = Enumerable.Range(0, scale.Steps.Count).Any(c => categoryHidden[g, c]) || !validBaseShown[g];
            var cats = scale.Steps.Select((step, c) => new CategoryResult(step.Code, step.Label,
                categoryHidden[g, c] ? null : r.Steps[c],
                categoryHidden[g, c] || !validBaseShown[g] || r.ValidBase == 0 ? null : 100.0 * r.Steps[c] / r.ValidBase)).ToList();
            var exact = !anyCategoryHidden && r.ValidBase > 0;
            return new GroupResult(r.Group,
                tooSmall[g] ? null : r.N,
                validBaseShown[g] ? r.ValidBase : null,
                restHidden[g, 0] ? null : r.NonSubstantive,
                restHidden[g, 1] ? null : r.Blank,
                cats,
                exact && scale.Steps.Count == 6 ? 100.0 * r.Steps.Skip(3).Sum() / r.ValidBase : null,
                exact && scale.IsNumeric ? Mean(scale, r) : null,
                exact && scale.IsNumeric && r.ValidBase > 1 ? SampleSd(scale, r) : null,
                tooSmall[g]);
        }).ToList();
    }

    private static long[,] Table(List<Counts> rows, Func<Counts, long[]> cells)
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

    private static bool[,] Forced(int rows, int columns, Func<int, bool> hideRow)
    {
        var forced = new bool[rows, columns];
        for (var g = 0; g < rows; g++)
            if (hideRow(g)) for (var c = 0; c < columns; c++) forced[g, c] = true;
        return forced;
    }

    private static double Mean(Scale scale, Counts r) =>
        scale.Steps.Select((s, i) => s.Value!.Value * r.Steps[i]).Sum() / r.ValidBase;

    private static double SampleSd(Scale scale, Counts r)
    {
        var mean = Mean(scale, r);
        return Math.Sqrt(scale.Steps.Select((s, i) => (s.Value!.Value - mean) * (s.Value!.Value - mean) * r.Steps[i]).Sum() / (r.ValidBase - 1));
    }
}
