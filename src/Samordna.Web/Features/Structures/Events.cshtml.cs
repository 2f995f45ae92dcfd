using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>The association's events with participants per organisation, evaluation round and follow-up.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class EventsModel(SamordnaDb db, CollaborationEvents events, CurrentGrants grants) : StructurePage(db)
{
    public List<EventView> Events { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        Events = await events.ListAsync(associationId);
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        return Page();
    }
}
