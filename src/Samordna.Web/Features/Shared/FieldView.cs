namespace Samordna.Web.Features.Shared;

/// <summary>One choice of a select, a radio group or a checkbox list.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null);

/// <summary>
/// What the _Field partial needs to draw one labelled form field with its hint and its error: a text box, a date,
/// a text area, a select, radios or checkboxes. Name is also the key of the field's errors.
/// </summary>
public sealed record FieldView(string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";
    public string? Hint { get; init; }
    public bool Required { get; init; }
    /// <summary>For inputs in a table row, where the column heading is the visible label.</summary>
    public bool HideLabel { get; init; }
    public bool Disabled { get; init; }
    public string? InputMode { get; init; }
    /// <summary>The id of a datalist of suggestions.</summary>
    public string? List { get; init; }
    public int Rows { get; init; } = 3;
    /// <summary>The column's length in the database, so an over-long text is stopped while typing.</summary>
    public int? MaxLength { get; init; }
    public IReadOnlyList<Choice> Choices { get; init; } = [];
    /// <summary>The checked values of a checkbox list.</summary>
    public IReadOnlyCollection<string> Values { get; init; } = [];
    /// <summary>The element id, when the error links to a row rather than to this field.</summary>
    public string? IdOverride { get; init; }

    public string Id => IdOverride ?? FieldIds.Of(Name);
    public string? DescribedBy => string.Join(" ", new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
    public bool IsChecked(string value) => Type == "checkboxes" ? Values.Contains(value) : Value == value;
}
