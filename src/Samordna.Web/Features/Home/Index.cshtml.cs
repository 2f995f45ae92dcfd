using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

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

/// <summary>The associations a person may see: all for a system administrator, else those they hold a role in.</summary>
public static class VisibleAssociations
{
    public static Task<List<Association>> QueryAsync(SamordnaDb db, IReadOnlyList<RoleGrant> grants)
    {
        var all = grants.Any(g => g.Role == Role.SystemAdministrator);
        var ids = grants.Where(g => g.AssociationId != null).Select(g => g.AssociationId!.Value).ToList();
        return db.Associations.AsNoTracking().Where(a => all || ids.Contains(a.Id)).OrderBy(a => a.Name).ToListAsync();
    }
}
