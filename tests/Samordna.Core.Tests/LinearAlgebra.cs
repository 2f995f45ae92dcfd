namespace Samordna.Core.Tests;

/// <summary>Rank by Gaussian elimination: whether published equations pin down a hidden number.</summary>
public static class LinearAlgebra
{
    public static int Rank(List<double[]> matrix)
    {
        if (matrix.Count == 0) return 0;
        var m = matrix.Select(r => (double[])r.Clone()).ToList();
        int rank = 0, width = m[0].Length;
        for (var col = 0; col < width && rank < m.Count; col++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).FirstOrDefault(i => Math.Abs(m[i][col]) > 1e-9, -1);
            if (pivot < 0) continue;
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var i = 0; i < m.Count; i++)
            {
                if (i == rank || Math.Abs(m[i][col]) < 1e-9) continue;
                var factor = m[i][col] / m[rank][col];
                for (var j = 0; j < width; j++) m[i][j] -= factor * m[rank][j];
            }
            rank++;
        }
        return rank;
    }

    /// <summary>True when the unknown at <paramref name="index"/> follows from the equations (its unit vector is in their span).</summary>
    public static bool Determines(List<double[]> equations, int index, int unknowns)
    {
        var target = new double[unknowns];
        target[index] = 1;
        return Rank([.. equations, target]) == Rank(equations);
    }
}
