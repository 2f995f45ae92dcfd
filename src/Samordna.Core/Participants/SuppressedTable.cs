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
/// are hidden until no hidden count can be worked out from the totals, "Alla" included.
/// </summary>
public static class OutcomeTable
{
    public static SuppressedTable Build(IEnumerable<(string Group, string Category)> observations, IReadOnlyList<string> categories,
        int threshold = CellSuppression.DefaultThreshold, IReadOnlyList<string>? groupOrder = null)
    {
        var list = observations.ToList();
        var groups = groupOrder ?? list.Select(o => o.Group).Distinct().Order(StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList();
        var groupIndex = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        int n = groups.Count + 1, columns = categories.Count, all = n - 1;
        var counts = new long[n, columns];
        foreach (var (group, category) in list)
        {
            if (!groupIndex.TryGetValue(group, out var r) || !categoryIndex.TryGetValue(category, out var c)) continue;
            counts[r, c]++;
            counts[all, c]++;
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

        var rowTotalShown = new bool[n];
        var forced = new bool[n, columns];
        var locked = new bool[n];
        for (var r = 0; r < n; r++)
        {
            rowTotalShown[r] = !Small(totals[r]) && !Small(totals[all]);
            for (var c = 0; c < columns; c++) forced[r, c] = r == all ? allHidden[0, c] : !rowTotalShown[r];
        }
        locked[all] = true;
        var hidden = CellSuppression.Apply(counts, rowTotalShown, Enumerable.Range(0, columns).Select(c => !allHidden[0, c]).ToArray(),
            threshold, forced, lockedRows: locked);

        TableRow Row(int r, string name) => new(name, rowTotalShown[r] ? totals[r] : null,
            categories.Select((category, c) => hidden[r, c]
                ? new TableCell(category, null, null)
                : new TableCell(category, counts[r, c], totals[r] > 0 ? decimal.Round(100m * counts[r, c] / totals[r], 1) : null)).ToList());
        return new SuppressedTable(categories, groups.Select((g, r) => Row(r, g)).ToList(), Row(all, "Alla"), threshold);
    }
}
