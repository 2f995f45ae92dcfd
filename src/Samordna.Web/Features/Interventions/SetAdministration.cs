using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// Sets the office's administration budget and outcome on a funding year, which together with the interventions'
/// own money makes the association's budget. The year's contributions must be registered first.
/// </summary>
public sealed class SetAdministration(SamordnaDb db)
{
    public async Task<Result<FundingYear>> HandleAsync(int associationId, int year, decimal? budget, decimal? outcome, int? revision = null)
    {
        var funding = await db.FundingYears.SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        if (funding is null)
            return Result<FundingYear>.Fail("administrationBudget", $"Budgetår {year} är inte registrerat. Registrera medlemsbidragen för {year} först.");
        // The funding year is one record: its contributions and its administration share one revision.
        if (Revisions.IsStale(revision, funding.Revision)) return Revisions.Conflict<FundingYear>(Associations.SetFunding.What(year));
        var errors = BudgetRules.ValidateAdministration(budget, outcome);
        if (errors.Count > 0) return Result<FundingYear>.Fail(errors);
        funding.AdministrationBudget = budget;
        funding.AdministrationOutcome = outcome;
        funding.UpdatedAt = DateTime.UtcNow;
        funding.Revision++;
        return await Revisions.TrySaveAsync(db) ? Result<FundingYear>.Ok(funding) : Revisions.Conflict<FundingYear>(Associations.SetFunding.What(year));
    }
}
