using System.Globalization;

namespace Samordna.Core.Common;

/// <summary>Amounts in kronor as people type them in Sweden: "1 234 567", "1234567,50", "1 234 567 kr".</summary>
public static class Amount
{
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = text.Trim();
        if (cleaned.EndsWith("kr", StringComparison.OrdinalIgnoreCase)) cleaned = cleaned[..^2];
        cleaned = cleaned.Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace(',', '.');
        if (cleaned.Length == 0 || cleaned.Count(c => c == '.') > 1) return false;
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
               && decimal.Round(amount, 2) == amount;
    }

    /// <summary>"1 234 567 kr" with a non-breaking thin space as Swedish typography writes thousands.</summary>
    public static string Format(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", Swedish) + " kr";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
}
