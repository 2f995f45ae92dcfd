using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Web.Data;
using Samordna.Web.Hosting;

namespace Samordna.Web.Features.Shared;

/// <summary>
/// Optimistic concurrency for the records people edit: the form or API call carries the revision it read; a
/// stale one is refused on the field "revision" with a Swedish message, and nothing is written. The revision
/// column is a concurrency token, so two saves racing from the same revision cannot both pass either.
/// </summary>
public static class Revisions
{
    public const string Field = "revision";

    /// <param name="what">The record in Swedish, as the subject of "har ändrats", e.g. "Målen" or "Budgeten för 2025".</param>
    public static string Message(string what) =>
        $"{what} har ändrats av någon annan sedan du öppnade sidan. Ingenting av dina ändringar sparades: ladda om sidan, se vad som ändrats och gör om ändringen.";

    public static FieldError Error(string what) => new(Field, Message(what));

    public static Result<T> Conflict<T>(string what) => Result<T>.Fail(Field, Message(what));

    /// <summary>True when the caller sent a revision other than the stored one; no revision sent means no check.</summary>
    public static bool IsStale(int? sent, int stored) => sent is { } revision && revision != stored;

    public static bool IsConflict(IEnumerable<FieldError> errors) => errors.Any(e => e.Field == Field);

    /// <summary>
    /// Saves, or answers false when the database refused because someone else saved first: a concurrency token
    /// that no longer matched, or a unique row (a new budget year, plan or period) created in between.
    /// </summary>
    public static async Task<bool> TrySaveAsync(SamordnaDb db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException e) when (KnownFailures.StatusOf(e) == StatusCodes.Status409Conflict)
        {
            return false;
        }
    }
}

/// <summary>What the _Revision partial needs: the revision to send back, the conflict message (if any), where to reload.</summary>
public sealed record RevisionView(int? Revision, string? Conflict, string ReloadUrl);
