using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Features.Participants;

/// <summary>The entry to participant follow-up: a registrar's interventions, and each visible association's report.</summary>
[Authorize]
public sealed class IndexModel(SamordnaDb db, CurrentGrants grants, RegistrarAccess access) : PageModel
{
    public List<Association> Associations { get; private set; } = [];
    public List<Intervention> Assigned { get; private set; } = [];
    /// <summary>Individual interventions per association, for the administrator's assignment links.</summary>
    public ILookup<int, Intervention> Individual { get; private set; } = Enumerable.Empty<Intervention>().ToLookup(i => i.AssociationId);
    public HashSet<int> Administered { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var held = await grants.ForAsync(User);
        Associations = await VisibleAssociations.QueryAsync(db, held);
        Assigned = await access.AssignedInterventionsAsync(User);
        Administered = Associations.Where(a => Core.Access.AccessRules.IsAllowed(held, Core.Access.Permission.ManageRoles, a.Id)).Select(a => a.Id).ToHashSet();
        var ids = Administered.ToList();
        Individual = (await db.Interventions.AsNoTracking().Where(i => ids.Contains(i.AssociationId) && i.Kind == InterventionKind.IndividualFocused)
            .OrderBy(i => i.Name).ToListAsync()).ToLookup(i => i.AssociationId);
    }
}
