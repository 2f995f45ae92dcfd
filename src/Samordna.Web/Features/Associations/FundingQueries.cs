using Microsoft.EntityFrameworkCore;
using Samordna.Core.Funding;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Associations;

/// <summary>Reads stored funding years and recomputes their split with the same pure rule that accepted them.</summary>
public sealed class FundingQueries(SamordnaDb db)
{
    public async Task<FundingSplitResult?> SplitAsync(int associationId, int year)
    {
        var association = await db.Associations.AsNoTracking().Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == associationId);
        var fundingYear = await db.FundingYears.AsNoTracking().Include(f => f.KeyValues)
            .SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        if (association is null || fundingYear is null) return null;
        return FundingSplit.Compute(SetFunding.MembersOf(association), InputOf(fundingYear)).Value;
    }

    /// <summary>The funding year's revision, to send back with a change; 0 when the year is not registered.</summary>
    public async Task<int> RevisionAsync(int associationId, int year) =>
        await db.FundingYears.Where(f => f.AssociationId == associationId && f.Year == year).Select(f => (int?)f.Revision).SingleOrDefaultAsync() ?? 0;

    public Task<List<FundingYear>> YearsAsync(int associationId) =>
        db.FundingYears.AsNoTracking().Where(f => f.AssociationId == associationId).OrderBy(f => f.Year).ToListAsync();

    public static FundingInput InputOf(FundingYear year) => new(
        year.Total,
        year.Key,
        year.KeyValues.Where(v => v.Population is not null).ToDictionary(v => v.MunicipalityCode, v => v.Population!.Value),
        year.KeyValues.Where(v => v.Percentage is not null).ToDictionary(v => v.MunicipalityCode, v => v.Percentage!.Value));
}
