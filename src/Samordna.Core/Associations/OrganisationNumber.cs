using Samordna.Core.Common;

namespace Samordna.Core.Associations;

/// <summary>Swedish organisation numbers (organisationsnummer): ten digits, the last a Luhn check digit.</summary>
public static class OrganisationNumber
{
    /// <summary>Accepts "NNNNNN-NNNN" or ten digits; returns the canonical "NNNNNN-NNNN".</summary>
    public static Result<string> Parse(string? input, string field = "organisationNumber")
    {
        var text = (input ?? "").Trim();
        var digits = text.Replace("-", "");
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || text.Count(c => c == '-') > 1)
            return Result<string>.Fail(field, "Organisationsnumret ska ha tio siffror, till exempel 222000-1234.");
        if (digits[2] < '2')
            return Result<string>.Fail(field, "Organisationsnumret ska ha en tredje siffra på minst 2 (juridisk person).");
        if (!Luhn.IsValid(digits))
            return Result<string>.Fail(field, "Organisationsnumrets kontrollsiffra stämmer inte. Kontrollera numret.");
        return Result<string>.Ok($"{digits[..6]}-{digits[6..]}");
    }
}

/// <summary>The modulus-10 check used by Swedish identity and organisation numbers.</summary>
public static class Luhn
{
    public static bool IsValid(string digits) => digits.Length > 1 && CheckDigit(digits[..^1]) == digits[^1] - '0';

    public static int CheckDigit(string digitsWithoutCheck)
    {
        var sum = 0;
        for (var i = 0; i < digitsWithoutCheck.Length; i++)
        {
            var d = (digitsWithoutCheck[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
