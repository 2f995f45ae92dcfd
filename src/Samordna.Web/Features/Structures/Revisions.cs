using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

/// <summary>
/// Optimistic concurrency for the structures' records (the pattern of SaveIntervention): a form or API call sends the
/// Revision it read; a different stored one means someone else saved first, and nothing is written.
/// </summary>
internal static class Revisions
{
    public const string Field = "revision";

    public static FieldError Conflict(string what) => new(Field,
        $"Någon annan har ändrat {what} sedan du öppnade sidan. Ingenting av dina ändringar sparades: ladda om sidan, se vad som ändrats och gör om ändringen.");

    /// <summary>True when the caller read another revision than the stored one. A caller that sends none is not checked.</summary>
    public static bool IsStale(int? sent, int stored) => sent is { } s && s != stored;

    public static bool IsConflict(IReadOnlyList<FieldError> errors) => errors.Any(e => e.Field == Field);

    /// <summary>Saves; a concurrent save between our read and our write (the token) becomes the same Swedish conflict.</summary>
    public static async Task<IReadOnlyList<FieldError>> SaveAsync(SamordnaDb db, string what)
    {
        try
        {
            await db.SaveChangesAsync();
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [Conflict(what)];
        }
    }
}
