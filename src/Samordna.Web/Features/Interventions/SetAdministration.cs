using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// Sets the office's administration budget and outcome on a funding year, which together with the interventions'
/// own money makes the association's budget. The year's contributions must be registered first.
/// </summary>
public sealed class SetAdministration(SamordnaDb db)
{
    public async Task<Result<FundingYear>> HandleAsync(int associationId, int year, decimal? budget, decimal? outcome)
    {
        var funding = await db.FundingYears.SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        if (funding is null)
            return Result<FundingYear>.Fail("administrationBudget", $"Budgetår {year} är inte registrerat. Registrera medlemsbidragen för {year} först.");
        var errors = BudgetRules.ValidateAdministration(budget, outcome);
        if (errors.Count > 0) return Result<FundingYear>.Fail(errors);
        funding.AdministrationBudget = budget;
        funding.AdministrationOutcome = outcome;
        funding.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return Result<FundingYear>.Ok(funding);
    }
}
