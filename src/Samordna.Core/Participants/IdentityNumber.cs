using System.Globalization;
using Samordna.Core.Associations;
using Samordna.Core.Common;

namespace Samordna.Core.Participants;

public enum IdentityKind { Personnummer, Samordningsnummer }

/// <summary>
/// A validated personnummer or samordningsnummer in canonical form YYYYMMDDNNNN (samordningsnummer keep their day + 60).
/// Never written to the database, logs or exports as such: it is encrypted and found through a keyed hash.
/// </summary>
public sealed record IdentityNumber(string Canonical, IdentityKind Kind, DateOnly BirthDate)
{
    /// <summary>The second-to-last digit: odd for men, even for women (as registered; the platform asks for gender separately).</summary>
    public bool RegisteredMale => (Canonical[10] - '0') % 2 == 1;

    /// <summary>Accepts YYMMDD-NNNN, YYMMDD+NNNN (100 years or older), YYMMDDNNNN, YYYYMMDDNNNN and YYYYMMDD-NNNN.</summary>
    public static Result<IdentityNumber> Parse(string? input, DateOnly today, string field = "identityNumber")
    {
        var text = (input ?? "").Trim();
        if (text.Length == 0) return Fail(field, "Ange personnummer eller samordningsnummer, t.ex. 19900101-1239.");
        var separators = text.Count(c => c is '-' or '+');
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (separators > 1 || digits.Length + separators != text.Length || digits.Length is not (10 or 12))
            return Fail(field, "Numret ska ha 10 eller 12 siffror, med - eller + före de fyra sista (t.ex. 900101-1239 eller 19900101-1239).");
        var separator = separators == 1 ? text[^5] : (char?)null;
        if (separators == 1 && separator is not ('-' or '+'))
            return Fail(field, "Skiljetecknet - eller + ska stå före de fyra sista siffrorna.");

        var tail = digits[^10..];
        var month = int.Parse(tail[2..4], CultureInfo.InvariantCulture);
        var dayField = int.Parse(tail[4..6], CultureInfo.InvariantCulture);
        var kind = dayField > 60 ? IdentityKind.Samordningsnummer : IdentityKind.Personnummer;
        var day = kind == IdentityKind.Samordningsnummer ? dayField - 60 : dayField;

        int year;
        if (digits.Length == 12)
        {
            year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
        }
        else
        {
            // Ten digits: the century is the one that makes the person under 100, or 100 or older with "+".
            var yy = int.Parse(tail[..2], CultureInfo.InvariantCulture);
            year = today.Year / 100 * 100 + yy;
            if (!TryDate(year, month, day, out var candidate) || candidate > today) year -= 100;
            if (separator == '+') year -= 100;
        }
        if (!TryDate(year, month, day, out var birth))
            return Fail(field, $"{text} innehåller inget giltigt datum ({year:0000}-{month:00}-{day:00}{(kind == IdentityKind.Samordningsnummer ? ", dag minus 60 för samordningsnummer" : "")}).");
        if (birth > today) return Fail(field, $"Födelsedatumet {birth:yyyy-MM-dd} ligger i framtiden.");
        var hundredOrOlder = birth.AddYears(100) <= today;
        if (digits.Length == 12 && separator == '+' && !hundredOrOlder)
            return Fail(field, "Plustecken används bara för personer som fyllt 100 år. Använd bindestreck.");
        if (!Luhn.IsValid(tail))
            return Fail(field, "Kontrollsiffran stämmer inte. Kontrollera numret.");
        return Result<IdentityNumber>.Ok(new IdentityNumber($"{birth.Year:0000}{tail[2..]}", kind, birth));
    }

    public int AgeOn(DateOnly date) => date.Year - BirthDate.Year - (date < BirthDate.AddYears(date.Year - BirthDate.Year) ? 1 : 0);

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static Result<IdentityNumber> Fail(string field, string message) => Result<IdentityNumber>.Fail(field, message);

    /// <summary>Never prints the number: records end up in logs and exceptions.</summary>
    public override string ToString() => $"{Kind} (dold)";
}
