using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Home;

namespace Samordna.Web.Features.Associations;

[Authorize]
public sealed class IndexModel(SamordnaDb db, CurrentGrants grants) : PageModel
{
    public List<Association> Associations { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var held = await grants.ForAsync(User);
        Associations = await VisibleAssociations.QueryAsync(db, held);
        CanCreate = AccessRules.IsAllowed(held, Permission.AdministerInstallation, null);
    }
}
