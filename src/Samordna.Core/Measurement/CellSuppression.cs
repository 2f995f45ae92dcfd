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
    /// <param name="primary">whether small counts are hidden as such.</param>
    /// <param name="lockedRows">rows whose pattern is already published elsewhere: no cell in them is hidden as a complement.</param>
    public static bool[,] Apply(long[,] counts, bool[] rowTotalShown, bool[] columnTotalShown, int threshold,
        bool[,]? forced = null, bool primary = true, bool[]? lockedRows = null)
    {
        if (threshold < MinimumThreshold) throw new ArgumentOutOfRangeException(nameof(threshold), $"Gränsen för små tal får inte vara under {MinimumThreshold}.");
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                hidden[r, c] = (forced?[r, c] ?? false) || (primary && lockedRows?[r] != true && counts[r, c] > 0 && counts[r, c] < threshold);

        bool Open(int r, int c) => !hidden[r, c] && lockedRows?[r] != true;
        while (FindRecoverable(hidden, rowTotalShown, columnTotalShown) is { } bridge)
        {
            var (r, c) = bridge;
            var candidates = Enumerable.Range(0, columns).Where(x => Open(r, x)).Select(x => (Row: r, Column: x))
                .Concat(Enumerable.Range(0, rows).Where(y => Open(y, c)).Select(y => (Row: y, Column: c)))
                .ToList();
            if (candidates.Count == 0)
            {
                // Nothing left in the bridge's row and column: widen to the whole table.
                candidates = Enumerable.Range(0, rows).SelectMany(y => Enumerable.Range(0, columns).Select(x => (Row: y, Column: x)))
                    .Where(p => Open(p.Row, p.Column)).ToList();
                if (candidates.Count == 0)
                {
                    // Cannot be protected by complements: hide every cell not yet hidden in the open rows.
                    for (var y = 0; y < rows; y++) for (var x = 0; x < columns; x++) hidden[y, x] = true;
                    break;
                }
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
        var bridge = Bridges(1 + rows + columns, edges);
        return bridge is { } e ? (edges[e].Row, edges[e].Column) : null;
    }

    /// <summary>The first bridge edge (not a self-loop) by Tarjan's lowlink search, in one pass over the graph.</summary>
    private static int? Bridges(int vertexCount, List<(int A, int B, int Row, int Column)> edges)
    {
        var adjacency = new List<(int To, int Edge)>[vertexCount];
        for (var v = 0; v < vertexCount; v++) adjacency[v] = [];
        for (var e = 0; e < edges.Count; e++)
        {
            if (edges[e].A == edges[e].B) continue; // both ends unconstrained: nothing pins this cell
            adjacency[edges[e].A].Add((edges[e].B, e));
            adjacency[edges[e].B].Add((edges[e].A, e));
        }
        var order = new int[vertexCount];
        var low = new int[vertexCount];
        Array.Fill(order, -1);
        var counter = 0;
        int? found = null;
        for (var start = 0; start < vertexCount && found is null; start++)
        {
            if (order[start] >= 0) continue;
            // Iterative DFS: (vertex, edge it was entered by, next neighbour index).
            var stack = new Stack<(int Vertex, int ViaEdge, int Next)>();
            order[start] = low[start] = counter++;
            stack.Push((start, -1, 0));
            while (stack.Count > 0 && found is null)
            {
                var (v, via, next) = stack.Pop();
                if (next < adjacency[v].Count)
                {
                    stack.Push((v, via, next + 1));
                    var (to, edge) = adjacency[v][next];
                    if (edge == via) continue;
                    if (order[to] < 0)
                    {
                        order[to] = low[to] = counter++;
                        stack.Push((to, edge, 0));
                    }
                    else low[v] = Math.Min(low[v], order[to]);
                }
                else if (stack.Count > 0)
                {
                    var parent = stack.Peek().Vertex;
                    low[parent] = Math.Min(low[parent], low[v]);
                    if (low[v] > order[parent]) found = via;
                }
            }
        }
        return found;
    }
}
