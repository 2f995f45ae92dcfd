using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(SamordnaDb db, CurrentGrants grants) : PageModel
{
    public bool SignedIn { get; private set; }
    public List<Association> Associations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await db.Users.AnyAsync()) return Redirect("/Setup");
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (!SignedIn) return Page();
        Associations = await VisibleAssociations.QueryAsync(db, await grants.ForAsync(User));
        return Page();
    }
}
