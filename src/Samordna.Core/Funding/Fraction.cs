using System.Numerics;

namespace Samordna.Core.Funding;

/// <summary>An exact non-negative rational, so shares are rounded once, at the very end.</summary>
public readonly record struct Fraction
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd.IsZero) gcd = 1;
        Numerator = numerator / gcd;
        Denominator = denominator / gcd;
    }

    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static Fraction operator *(Fraction a, Fraction b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction FromDecimal(decimal value)
    {
        // decimal is sign × integer / 10^scale, so this is exact.
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var magnitude = new BigInteger((uint)bits[0]) | new BigInteger((uint)bits[1]) << 32 | new BigInteger((uint)bits[2]) << 64;
        var numerator = value < 0 ? -magnitude : magnitude;
        var denominator = BigInteger.Pow(10, scale);
        return new Fraction(numerator, denominator);
    }
}
