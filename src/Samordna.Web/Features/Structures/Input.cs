using System.Globalization;
using Samordna.Core.Common;

namespace Samordna.Web.Features.Structures;

/// <summary>Trimmed text from forms and JSON, with Swedish errors that name the field and what is expected.</summary>
internal sealed class Input
{
    public List<FieldError> Errors { get; } = [];

    public string Required(string field, string label, string? value, int max)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) Errors.Add(new(field, $"Fyll i {label}."));
        else if (text.Length > max) Errors.Add(new(field, $"{Capital(label)} får vara högst {max} tecken (nu {text.Length})."));
        return text;
    }

    public string? Optional(string field, string label, string? value, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > max) Errors.Add(new(field, $"{Capital(label)} får vara högst {max} tecken (nu {text.Length})."));
        return text;
    }

    public T Choice<T>(string field, string label, string? value, Func<T, string> swedish, T? fallback = null) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value) && fallback is { } f) return f;
        if (Core.Structures.StructureNames.Parse(value, swedish) is { } parsed) return parsed;
        Errors.Add(new(field, $"Okänt värde \"{value}\" för {label}. Välj ett av: {Core.Structures.StructureNames.Choices(swedish)}."));
        return default;
    }

    public T RequiredValue<T>(string field, string label, T? value) where T : struct
    {
        if (value is null) Errors.Add(new(field, $"Fyll i {label}."));
        return value ?? default;
    }

    /// <summary>A date typed as ÅÅÅÅ-MM-DD; empty is null, anything else is answered naming the field.</summary>
    public DateOnly? Date(string field, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Errors.Add(new(field, $"\"{value.Trim()}\" är inget datum. Skriv {label} som ÅÅÅÅ-MM-DD, t.ex. 2019-09-12."));
        return null;
    }

    public void Add(IEnumerable<FieldError> errors) => Errors.AddRange(errors);

    public bool IsValid => Errors.Count == 0;

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
