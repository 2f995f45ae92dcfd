namespace Samordna.Web.Features.Shared;

/// <summary>Fields of the semicolon-separated exports that Swedish Excel opens.</summary>
public static class CsvText
{
    /// <summary>
    /// Quotes a field holding a separator, quote or line break; and defuses text Excel would run as a formula
    /// (a leading =, +, - or @) by prefixing an apostrophe.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
