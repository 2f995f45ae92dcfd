using Samordna.Core.Measurement;

namespace Samordna.Core.Participants;

/// <summary>One published cell: the count, or null when it is hidden to protect small groups.</summary>
public sealed record TableCell(string Category, long? Count, decimal? Percent);

public sealed record TableRow(string Group, long? Total, IReadOnlyList<TableCell> Cells);

/// <summary>A table of counts by group and category, with its "Alla" row, protected as one table.</summary>
public sealed record SuppressedTable(IReadOnlyList<string> Categories, IReadOnlyList<TableRow> Rows, TableRow All, int Threshold);

/// <summary>
/// Counts people by group × category and publishes them through the same small-cell suppression as surveys:
/// a group smaller than the threshold shows nothing (not even its total), small counts are hidden, and complements
/// are hidden until no hidden count, and no hidden group total, can be worked out from what is shown, "Alla"
/// included.
/// </summary>
public static class OutcomeTable
{
    /// <summary>One observation per person.</summary>
    public static SuppressedTable Build(IEnumerable<(string Group, string Category)> observations, IReadOnlyList<string> categories,
        int threshold = CellSuppression.DefaultThreshold, IReadOnlyList<string>? groupOrder = null) =>
        Counted(observations.Select(o => (o.Group, o.Category, 1L)), categories, threshold, groupOrder);

    /// <summary>
    /// People already counted, e.g. by a grouped SQL query: the same table as one observation per person would give
    /// (a group and category may come in several parts; they are added up). A group appears only if some part names it.
    /// </summary>
    public static SuppressedTable Counted(IEnumerable<(string Group, string Category, long Count)> parts, IReadOnlyList<string> categories,
        int threshold = CellSuppression.DefaultThreshold, IReadOnlyList<string>? groupOrder = null)
    {
        // A part counting nobody names no group, as no observation would.
        var list = parts.Where(p => p.Count > 0).ToList();
        var groups = groupOrder ?? list.Select(o => o.Group).Distinct().Order(StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList();
        var groupIndex = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        int n = groups.Count + 1, columns = categories.Count, all = n - 1;
        var counts = new long[n, columns];
        foreach (var (group, category, count) in list)
        {
            if (!groupIndex.TryGetValue(group, out var r) || !categoryIndex.TryGetValue(category, out var c)) continue;
            counts[r, c] += count;
            counts[all, c] += count;
        }
        var totals = Enumerable.Range(0, n).Select(r => Enumerable.Range(0, columns).Sum(c => counts[r, c])).ToArray();
        bool Small(long total) => total > 0 && total < threshold;

        // First "Alla" on its own (its total published), then the groups with "Alla" as a published equation per
        // column, keeping the pattern "Alla" was given: the same order as the survey results.
        var allCounts = new long[1, columns];
        for (var c = 0; c < columns; c++) allCounts[0, c] = counts[all, c];
        var allForced = new bool[1, columns];
        if (Small(totals[all])) for (var c = 0; c < columns; c++) allForced[0, c] = true;
        var allHidden = CellSuppression.Apply(allCounts, [!Small(totals[all])], new bool[columns], threshold, allForced);

        // The groups' totals are a column of their own: they add up to the total of "Alla", so a hidden total is
        // protected like a hidden cell (else "Alla" minus the shown totals gives it back). A group whose total ends
        // up hidden shows nothing at all, since a shown count and its percentage would give the total back.
        int totalColumn = columns;
        var withTotals = new long[n, columns + 1];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < columns; c++) withTotals[r, c] = counts[r, c];
            withTotals[r, totalColumn] = totals[r];
        }
        var columnShown = Enumerable.Range(0, columns).Select(c => !allHidden[0, c]).Append(!Small(totals[all])).ToArray();
        var showsNothing = Enumerable.Range(0, n).Select(r => r != all && (Small(totals[r]) || Small(totals[all]))).ToArray();
        var locked = new bool[n];
        locked[all] = true;
        bool[,] hidden;
        while (true)
        {
            var forced = new bool[n, columns + 1];
            for (var r = 0; r < n; r++)
                for (var c = 0; c <= columns; c++)
                    forced[r, c] = r == all ? (c == totalColumn ? Small(totals[all]) : allHidden[0, c]) : showsNothing[r];
            // Every row's equation (its cells minus its total is zero) is known, so no row is free.
            hidden = CellSuppression.Apply(withTotals, Enumerable.Repeat(true, n).ToArray(), columnShown, threshold, forced, lockedRows: locked);
            var newlyHidden = Enumerable.Range(0, n).Where(r => r != all && !showsNothing[r] && hidden[r, totalColumn]).ToList();
            if (newlyHidden.Count == 0) break;
            foreach (var r in newlyHidden) showsNothing[r] = true;
        }
        var rowTotalShown = Enumerable.Range(0, n).Select(r => !hidden[r, totalColumn]).ToArray();

        TableRow Row(int r, string name) => new(name, rowTotalShown[r] ? totals[r] : null,
            categories.Select((category, c) => hidden[r, c]
                ? new TableCell(category, null, null)
                : new TableCell(category, counts[r, c], totals[r] > 0 ? decimal.Round(100m * counts[r, c] / totals[r], 1) : null)).ToList());
        return new SuppressedTable(categories, groups.Select((g, r) => Row(r, g)).ToList(), Row(all, "Alla"), threshold);
    }
}
