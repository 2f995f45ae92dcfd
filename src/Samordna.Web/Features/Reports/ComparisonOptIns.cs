using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Reports;

/// <summary>
/// An association's consent to the comparison of associations. Set by its administrator; adding or removing the row
/// goes through SaveChanges, so the audit trail records who changed it and when.
/// </summary>
public sealed class ComparisonOptIns(SamordnaDb db, TimeProvider clock)
{
    public Task<bool> IsOptedInAsync(int associationId) => db.ComparisonOptIns.AnyAsync(o => o.AssociationId == associationId);

    /// <summary>False when the association does not exist.</summary>
    public async Task<bool> SetAsync(int associationId, bool optedIn, string by)
    {
        if (!await db.Associations.AnyAsync(a => a.Id == associationId)) return false;
        var row = await db.ComparisonOptIns.SingleOrDefaultAsync(o => o.AssociationId == associationId);
        if (optedIn && row is null)
            db.ComparisonOptIns.Add(new ComparisonOptIn { AssociationId = associationId, OptedInAt = clock.GetUtcNow().UtcDateTime, OptedInBy = by });
        else if (!optedIn && row is not null)
            db.ComparisonOptIns.Remove(row);
        await db.SaveChangesAsync();
        return true;
    }
}
