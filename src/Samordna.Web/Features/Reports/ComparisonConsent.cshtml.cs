using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Reports;

/// <summary>The association administrator decides whether the association takes part in the comparison of associations.</summary>
[RequiresPermission(Permission.ManageAssociation)]
public sealed class ComparisonConsentModel(SamordnaDb db, ComparisonOptIns optIns) : PageModel
{
    public int AssociationId { get; private set; }
    public string Association { get; private set; } = "";
    public bool OptedIn { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, bool saved = false)
    {
        if (!await LoadAsync(associationId)) return NotFound();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId, string? optedIn)
    {
        if (!await optIns.SetAsync(associationId, optedIn == "ja", User.Identity?.Name ?? "")) return NotFound();
        return Redirect($"/Associations/{associationId}/ComparisonConsent?saved=true");
    }

    private async Task<bool> LoadAsync(int associationId)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return false;
        (AssociationId, Association, OptedIn) = (associationId, name, await optIns.IsOptedInAsync(associationId));
        return true;
    }
}
