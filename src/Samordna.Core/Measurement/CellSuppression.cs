namespace Samordna.Core.Measurement;

/// <summary>
/// Small-cell suppression for a table of counts whose row and column totals may be published.
/// Primary: every count from 1 to threshold − 1 is hidden. Complementary: more cells are hidden until no hidden
/// cell can be worked out from what is shown. With totals published, a hidden cell is recoverable exactly when
/// it is a bridge in the graph whose vertices are the rows and columns (those without a published total merged
/// into one free vertex) and whose edges are the hidden cells; so hidden cells are added until no bridge is left,
/// each time the smallest non-zero visible cell in the bridge's row or column.
/// </summary>
public static class CellSuppression
{
    public const int DefaultThreshold = 5;
    public const int MinimumThreshold = 3;

    /// <param name="counts">rows × columns.</param>
    /// <param name="rowTotalShown">whether each row's total is published (false for a hidden group).</param>
    /// <param name="columnTotalShown">whether each column's total is published (e.g. by the "Alla" row).</param>
    /// <param name="forced">cells that must be hidden whatever their count (e.g. every cell of a group below the threshold).</param>
    /// <param name="primary">whether small counts are hidden as such; off for tables of sizes, whose small groups are forced whole.</param>
    public static bool[,] Apply(long[,] counts, bool[] rowTotalShown, bool[] columnTotalShown, int threshold, bool[,]? forced = null, bool primary = true)
    {
        if (threshold < MinimumThreshold) throw new ArgumentOutOfRangeException(nameof(threshold), $"Gränsen för små tal får inte vara under {MinimumThreshold}.");
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                hidden[r, c] = (forced?[r, c] ?? false) || (primary && counts[r, c] > 0 && counts[r, c] < threshold);

        while (FindRecoverable(hidden, rowTotalShown, columnTotalShown) is { } bridge)
        {
            var (r, c) = bridge;
            var candidates = Enumerable.Range(0, columns).Where(x => !hidden[r, x]).Select(x => (Row: r, Column: x))
                .Concat(Enumerable.Range(0, rows).Where(y => !hidden[y, c]).Select(y => (Row: y, Column: c)))
                .ToList();
            if (candidates.Count == 0)
            {
                // Nothing left in the bridge's row and column: widen to the whole table.
                candidates = Enumerable.Range(0, rows).SelectMany(y => Enumerable.Range(0, columns).Select(x => (Row: y, Column: x)))
                    .Where(p => !hidden[p.Row, p.Column]).ToList();
                if (candidates.Count == 0) break;
            }
            var next = candidates.OrderBy(p => counts[p.Row, p.Column] == 0 ? 1 : 0).ThenBy(p => counts[p.Row, p.Column])
                .ThenBy(p => p.Row).ThenBy(p => p.Column).First();
            hidden[next.Row, next.Column] = true;
        }
        return hidden;
    }

    /// <summary>A hidden cell that the published totals pin down (a bridge), or null when there is none.</summary>
    public static (int Row, int Column)? FindRecoverable(bool[,] hidden, bool[] rowTotalShown, bool[] columnTotalShown)
    {
        int rows = hidden.GetLength(0), columns = hidden.GetLength(1);
        // Vertex 0 is the free vertex; rows are 1..rows, columns follow.
        int RowVertex(int r) => rowTotalShown[r] ? 1 + r : 0;
        int ColumnVertex(int c) => columnTotalShown[c] ? 1 + rows + c : 0;
        var edges = new List<(int A, int B, int Row, int Column)>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                if (hidden[r, c]) edges.Add((RowVertex(r), ColumnVertex(c), r, c));

        for (var e = 0; e < edges.Count; e++)
        {
            var (a, b, row, column) = edges[e];
            if (a == b) continue; // both ends unconstrained: nothing pins this cell
            if (!Connected(a, b, edges, skip: e, vertexCount: 1 + rows + columns)) return (row, column);
        }
        return null;
    }

    private static bool Connected(int from, int to, List<(int A, int B, int Row, int Column)> edges, int skip, int vertexCount)
    {
        var adjacency = new List<int>[vertexCount];
        for (var v = 0; v < vertexCount; v++) adjacency[v] = [];
        for (var e = 0; e < edges.Count; e++)
        {
            if (e == skip) continue;
            adjacency[edges[e].A].Add(edges[e].B);
            adjacency[edges[e].B].Add(edges[e].A);
        }
        var seen = new bool[vertexCount];
        var queue = new Queue<int>([from]);
        seen[from] = true;
        while (queue.TryDequeue(out var v))
        {
            if (v == to) return true;
            foreach (var w in adjacency[v].Where(w => !seen[w])) { seen[w] = true; queue.Enqueue(w); }
        }
        return false;
    }
}
