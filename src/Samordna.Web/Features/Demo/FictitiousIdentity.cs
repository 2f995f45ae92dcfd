using System.Globalization;
using Samordna.Core.Associations;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// Made-up personnummer for the demo and the tests, in one recognisable range: born on the first of a month in the
/// 1990s, birth number 980–989, with a correct check digit. They are generated, not taken from anyone; a real person
/// can still hold the same number, so they are used only in demo data and shown only to the demo's registrars.
/// </summary>
public static class FictitiousIdentity
{
    /// <summary>The n:th number of the range (0 ≤ n &lt; 1200), as YYYYMMDD-NNNN.</summary>
    public static string Number(int n)
    {
        if (n is < 0 or >= 1200) throw new ArgumentOutOfRangeException(nameof(n), "Intervallet rymmer 1 200 nummer.");
        var year = 1990 + n / 120;
        var month = n / 10 % 12 + 1;
        var body = string.Create(CultureInfo.InvariantCulture, $"{year % 100:00}{month:00}0198{n % 10}");
        return string.Create(CultureInfo.InvariantCulture, $"{year}{month:00}01-98{n % 10}{Luhn.CheckDigit(body)}");
    }
}
