using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>One meeting: agenda, attendance with the quorum decision, minutes, decisions and action items.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class MeetingModel(SamordnaDb db, StructureQueries queries, CurrentGrants grants) : StructurePage(db)
{
    public MeetingView View { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int meetingId)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        if (await queries.MeetingAsync(associationId, meetingId) is not { } view) return NotFound();
        View = view;
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        return Page();
    }
}
