using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

public class CellSuppressionTests
{
    [Fact]
    public void Small_counts_are_hidden_and_a_partner_cell_in_the_same_row_too()
    {
        long[,] counts = { { 2, 10, 20, 30 } };
        var hidden = CellSuppression.Apply(counts, [true], [false, false, false, false], 5);

        Assert.True(hidden[0, 0]);
        Assert.True(hidden[0, 1], "the smallest other cell hides the 2, or 62 − 10 − 20 − 30 would reveal it");
        Assert.False(hidden[0, 2]);
        Assert.False(hidden[0, 3]);
    }

    [Fact]
    public void Zero_and_threshold_counts_are_shown()
    {
        long[,] counts = { { 0, 5, 7 } };
        var hidden = CellSuppression.Apply(counts, [true], [false, false, false], 5);
        Assert.False(hidden[0, 0] || hidden[0, 1] || hidden[0, 2]);
    }

    [Fact]
    public void The_threshold_can_never_be_set_below_three() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CellSuppression.Apply(new long[1, 2], [true], [true, true], 2));

    [Fact]
    public void No_hidden_cell_can_be_worked_out_from_the_shown_cells_and_totals()
    {
        // Property: for random tables, every hidden cell is undetermined by the linear equations the published
        // totals give. Checked by linear algebra (rank), independently of the bridge reasoning in the code.
        var random = new Random(4711);
        for (var run = 0; run < 400; run++)
        {
            int rows = random.Next(1, 6), columns = random.Next(2, 7);
            var counts = new long[rows, columns];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                    counts[r, c] = random.Next(4) == 0 ? random.Next(0, 5) : random.Next(0, 40);
            var rowShown = Enumerable.Range(0, rows).Select(_ => random.Next(5) != 0).ToArray();
            var columnShown = Enumerable.Range(0, columns).Select(_ => rows > 1 && random.Next(3) != 0).ToArray();
            var threshold = random.Next(3, 7);

            var hidden = CellSuppression.Apply(counts, rowShown, columnShown, threshold);

            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                {
                    if (counts[r, c] > 0 && counts[r, c] < threshold) Assert.True(hidden[r, c], $"run {run}: small cell shown");
                    if (hidden[r, c]) Assert.False(IsDetermined(hidden, rowShown, columnShown, r, c), $"run {run}: cell ({r},{c}) can be worked out");
                }
        }
    }

    /// <summary>
    /// Whether the published totals fix a hidden cell: the hidden cells are unknowns, each published row or column
    /// total an equation over them. The cell is fixed exactly when its unit vector lies in the row space of the
    /// equations, i.e. when adding it as an equation does not raise the rank.
    /// </summary>
    private static bool IsDetermined(bool[,] hidden, bool[] rowShown, bool[] columnShown, int row, int column)
    {
        int rows = hidden.GetLength(0), columns = hidden.GetLength(1);
        var unknowns = new List<(int R, int C)>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                if (hidden[r, c]) unknowns.Add((r, c));
        var equations = new List<double[]>();
        for (var r = 0; r < rows; r++)
            if (rowShown[r]) equations.Add(unknowns.Select(u => u.R == r ? 1.0 : 0).ToArray());
        for (var c = 0; c < columns; c++)
            if (columnShown[c]) equations.Add(unknowns.Select(u => u.C == c ? 1.0 : 0).ToArray());
        var target = unknowns.Select(u => u == (row, column) ? 1.0 : 0).ToArray();
        return LinearAlgebra.Rank([.. equations, target]) == LinearAlgebra.Rank(equations);
    }
}
