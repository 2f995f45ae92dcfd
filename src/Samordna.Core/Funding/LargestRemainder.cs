using System.Numerics;

namespace Samordna.Core.Funding;

/// <summary>
/// Rounds exact shares to whole units so that they sum exactly to the total
/// (Hamilton's method): everyone gets the floor of their quota, and the units left over
/// go one each to the largest remainders. Equal remainders go in the order of the tie keys.
/// </summary>
public static class LargestRemainder
{
    /// <summary>A share of the total as the exact fraction Numerator/Denominator.</summary>
    public readonly record struct Share(BigInteger Numerator, BigInteger Denominator, string TieKey);

    public static long[] Apportion(long total, IReadOnlyList<Share> shares)
    {
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total));
        var amounts = new long[shares.Count];
        var remainders = new (BigInteger Num, BigInteger Den, int Index)[shares.Count];
        BigInteger assigned = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            var quota = total * shares[i].Numerator;
            var floor = BigInteger.DivRem(quota, shares[i].Denominator, out var rest);
            amounts[i] = (long)floor;
            assigned += floor;
            remainders[i] = (rest, shares[i].Denominator, i);
        }

        var leftover = (long)(total - assigned);
        var order = remainders
            .OrderByDescending(r => r, Comparer<(BigInteger Num, BigInteger Den, int Index)>.Create(
                (a, b) => (a.Num * b.Den).CompareTo(b.Num * a.Den)))
            .ThenBy(r => shares[r.Index].TieKey, StringComparer.Ordinal)
            .ToList();
        for (var k = 0; k < leftover; k++) amounts[order[k].Index]++;
        return amounts;
    }
}
