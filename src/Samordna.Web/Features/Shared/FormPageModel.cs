using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Common;

namespace Samordna.Web.Features.Shared;

/// <summary>A page with a form: the errors of the last post, looked up by field name, and a view of each field.</summary>
public abstract class FormPageModel : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    public string? ErrorFor(string field) =>
        Errors.Where(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)).Select(e => e.Message).ToList() is { Count: > 0 } messages
            ? string.Join(" ", messages) : null;

    /// <summary>A labelled text field (at most 200 characters unless the caller says otherwise).</summary>
    public FieldView Field(string name, string label, string? value, string? hint = null) =>
        new(name, label, value, ErrorFor(name)) { Hint = hint, MaxLength = 200 };

    /// <summary>A cell of a row editor: the column heading is the visible label, the hidden one names the row.</summary>
    public FieldView Cell(string list, int row, string property, string label, string? value) =>
        new($"{list}[{row}].{property}", $"{label}, rad {row + 1}", value, ErrorFor($"{list}[{row}].{property}")) { HideLabel = true, MaxLength = 200 };

    /// <summary>Shows the page again with what was typed and the errors, with status 400.</summary>
    protected PageResult Refused(IEnumerable<FieldError> errors)
    {
        Errors = errors.ToList();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
