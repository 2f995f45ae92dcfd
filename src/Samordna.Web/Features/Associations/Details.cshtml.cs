using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Associations;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Associations;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class DetailsModel(SamordnaDb db, CurrentGrants grants) : PageModel
{
    public Association Association { get; private set; } = new();
    public List<CollaborationGroup> Groups { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId)
    {
        var found = await db.Associations.AsNoTracking().Include(a => a.Members).Include(a => a.FundingYears)
            .SingleOrDefaultAsync(a => a.Id == associationId);
        if (found is null) return NotFound();
        Association = found;
        Groups = await db.CollaborationGroups.AsNoTracking().Include(g => g.Members)
            .Where(g => g.AssociationId == associationId).OrderBy(g => g.Id).ToListAsync();
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageAssociation, associationId);
        return Page();
    }

    public static string KindName(MemberPartyKind kind) => kind switch
    {
        MemberPartyKind.Fk => "Statlig (Försäkringskassan)",
        MemberPartyKind.Af => "Statlig (Arbetsförmedlingen)",
        MemberPartyKind.Region => "Region",
        _ => "Kommun",
    };
}
