using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Funding;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Associations;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class FundingModel(SamordnaDb db, FundingQueries queries, CurrentGrants grants) : PageModel
{
    public int AssociationId { get; private set; }
    public string AssociationName { get; private set; } = "";
    public int Year { get; private set; }
    public FundingSplitResult Split { get; private set; } = new(0, FundingKeyKind.Equal, []);
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int year)
    {
        (AssociationId, Year) = (associationId, year);
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        var split = await queries.SplitAsync(associationId, year);
        if (name is null || split is null) return NotFound();
        (AssociationName, Split) = (name, split);
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageAssociation, associationId);
        return Page();
    }

    public static string KeyName(FundingKeyKind key) => key switch
    {
        FundingKeyKind.Population => "folkmängd",
        FundingKeyKind.Equal => "lika delar",
        _ => "egna procentsatser",
    };
}
