using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Associations;

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
