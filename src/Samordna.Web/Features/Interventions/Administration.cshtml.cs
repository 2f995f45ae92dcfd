using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>The office's administration budget and outcome for one year, shown in the portfolio's budget summary.</summary>
[RequiresPermission(Permission.ManageAssociation)]
public sealed class AdministrationModel(SamordnaDb db, SetAdministration set) : FormPageModel
{
    public Association Association { get; private set; } = null!;
    public int Year { get; private set; }
    public FundingYear? Funding { get; private set; }

    [BindProperty] public string? AdministrationBudget { get; set; }
    [BindProperty] public string? AdministrationOutcome { get; set; }
    [BindProperty] public int? Revision { get; set; }
    public RevisionView RevisionView => new(Revision, ErrorFor(Revisions.Field), Request.Path);

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int year)
    {
        if (!await LoadAsync(associationId, year)) return NotFound();
        AdministrationBudget = FormReader.Show(Funding?.AdministrationBudget);
        AdministrationOutcome = FormReader.Show(Funding?.AdministrationOutcome);
        Revision = Funding?.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId, [FromRoute] int year)
    {
        if (!await LoadAsync(associationId, year)) return NotFound();
        var read = new FormReader();
        var budget = read.Number(AdministrationBudget, "administrationBudget", "Administrationens budget");
        var outcome = read.Number(AdministrationOutcome, "administrationOutcome", "Administrationens utfall");
        if (read.Errors.Count > 0) return Refused(read.Errors);
        var result = await set.HandleAsync(associationId, year, budget, outcome, Revision);
        if (!result.IsValid) return Refused(result.Errors);
        return Redirect($"/Associations/{associationId}/Interventions?year={year}#budget-summary");
    }

    private async Task<bool> LoadAsync(int associationId, int year)
    {
        if (await db.Associations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == associationId) is not { } association) return false;
        (Association, Year) = (association, year);
        Funding = await db.FundingYears.AsNoTracking().SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        return true;
    }
}
