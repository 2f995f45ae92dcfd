using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Features.Reports;

/// <summary>Every report, per association the person may see, and the comparison of associations when they may see it.</summary>
[Authorize]
public sealed class IndexModel(SamordnaDb db, CurrentGrants grants, TimeProvider clock) : PageModel
{
    public List<Association> Associations { get; private set; } = [];
    public bool MaySeeComparison { get; private set; }
    public int LastYear => clock.GetLocalNow().Year - 1;

    public async Task OnGetAsync()
    {
        var held = await grants.ForAsync(User);
        Associations = await VisibleAssociations.QueryAsync(db, held);
        var optedIn = (await db.ComparisonOptIns.Select(o => o.AssociationId).ToListAsync()).ToHashSet();
        MaySeeComparison = ComparisonAccess.MaySee(held, optedIn);
    }
}
