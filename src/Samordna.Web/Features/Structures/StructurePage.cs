using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

/// <summary>What every structures page shares: its association, the errors of a refused form, and what the user typed.</summary>
public abstract class StructurePage(SamordnaDb db) : PageModel
{
    protected SamordnaDb Db => db;

    public int AssociationId { get; private set; }
    public string AssociationName { get; private set; } = "";
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    protected async Task<bool> LoadAssociationAsync(int associationId)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return false;
        (AssociationId, AssociationName) = (associationId, name);
        return true;
    }

    /// <summary>The value the user posted for a field (kept when a form is refused), else the stored value.</summary>
    public string? Posted(string field, object? stored = null) =>
        Errors.Count > 0 && Request.HasFormContentType && Request.Form.TryGetValue(field, out var value) ? value.ToString() : stored switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd"),
            DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm"),
            _ => stored.ToString(),
        };

    /// <summary>The revision a form carries: the one the page was opened on, kept when a save is refused so a stale copy stays stale.</summary>
    public string ReadRevision(int stored) => Posted(Revisions.Field, stored)!;

    public bool Conflict => ErrorFor(Revisions.Field) is not null;

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public string Invalid(string field) => ErrorFor(field) is null ? "false" : "true";

    /// <summary>Show the page again with the errors and status 400 (409 when someone else saved first); nothing was saved.</summary>
    protected async Task<IActionResult> RefusedAsync(IReadOnlyList<FieldError> errors, Func<Task<bool>> reload)
    {
        Errors = errors;
        if (!await reload()) return NotFound();
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
