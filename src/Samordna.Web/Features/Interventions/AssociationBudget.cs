using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Interventions;

public sealed record AdministrationRequest(decimal? Budget, decimal? Outcome);

/// <summary>The association's budget for a year: its interventions' own money plus administration, against contributions.</summary>
public sealed class AssociationBudget(SamordnaDb db)
{
    public async Task<AssociationBudgetSummary> ForAsync(int associationId, int year)
    {
        var years = await db.InterventionBudgetYears.AsNoTracking().Include(y => y.Lines)
            .Where(y => y.Year == year && db.Interventions.Any(i => i.Id == y.InterventionId && i.AssociationId == associationId))
            .ToListAsync();
        var funding = await db.FundingYears.AsNoTracking().SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        return AssociationBudgetSummary.For(year, years.Select(SaveBudgetYear.ToFigures), funding?.AdministrationBudget ?? 0,
            funding?.AdministrationOutcome, funding?.Total);
    }

    /// <summary>Administration is kept on the funding year, so the year's contributions must be set first.</summary>
    public async Task<Result<AssociationBudgetSummary>?> SetAdministrationAsync(int associationId, int year, AdministrationRequest request)
    {
        if (!await db.Associations.AnyAsync(a => a.Id == associationId)) return null;
        var funding = await db.FundingYears.SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        var errors = new List<FieldError>();
        if (funding is null) errors.Add(new("year", $"Budgetåret {year} har inga medlemsavgifter än. Lägg in årets budget och fördelning först."));
        if (request.Budget is null or < 0) errors.Add(new("budget", "Ange kansliets budget i kronor (0 eller mer)."));
        if (request.Outcome is < 0) errors.Add(new("outcome", "Utfallet kan inte vara negativt."));
        if (errors.Count > 0) return Result<AssociationBudgetSummary>.Fail(errors);
        (funding!.AdministrationBudget, funding.AdministrationOutcome) = (request.Budget, request.Outcome);
        await db.SaveChangesAsync();
        return Result<AssociationBudgetSummary>.Ok(await ForAsync(associationId, year));
    }
}
