using System.Globalization;
using Samordna.Core.Associations;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// Made-up personnummer for the demo and the tests, in one recognisable range: born on the first of a month,
/// birth number 980–989, with a correct check digit. They are generated, not taken from anyone; a real person
/// can still hold the same number, so they are used only in demo data and shown only to the demo's registrars.
/// </summary>
public static class FictitiousIdentity
{
    public const int Count = 4800;

    /// <summary>The n:th number of the range (0 ≤ n &lt; 4 800), as YYYYMMDD-NNNN; the first 1 200 are born in the 1990s.</summary>
    public static string Number(int n)
    {
        if (n is < 0 or >= Count) throw new ArgumentOutOfRangeException(nameof(n), "Intervallet rymmer 4 800 nummer.");
        return Number(1960 + (n / 120 + 30) % 40, n / 10 % 12 + 1, n % 10);
    }

    /// <summary>The number of someone born on the first of the month, with birth number 98 and the given digit.</summary>
    public static string Number(int year, int month, int digit)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{year % 100:00}{month:00}0198{digit}");
        return string.Create(CultureInfo.InvariantCulture, $"{year}{month:00}01-98{digit}{Luhn.CheckDigit(body)}");
    }
}
