using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Changes an event or records its follow-up; both carry the revision the page was opened on.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class EventEditModel(SamordnaDb db, CollaborationEvents events) : StructurePage(db)
{
    public EventView View { get; private set; } = null!;
    public Dictionary<int, string> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int eventId) => await LoadAsync(associationId, eventId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDetailsAsync([FromRoute] int associationId, [FromRoute] int eventId, EventRequest request) =>
        await AfterAsync((await events.UpdateAsync(associationId, eventId, request))?.Errors, associationId, eventId);

    public async Task<IActionResult> OnPostFollowUpAsync([FromRoute] int associationId, [FromRoute] int eventId, FollowUpRequest request) =>
        await AfterAsync((await events.FollowUpAsync(associationId, eventId, request))?.Errors, associationId, eventId);

    private async Task<IActionResult> AfterAsync(IReadOnlyList<Core.Common.FieldError>? errors, int associationId, int eventId) => errors switch
    {
        null => NotFound(),
        { Count: 0 } => Redirect($"/Associations/{associationId}/Structures/Events#event-{eventId}"),
        _ => await RefusedAsync(errors, () => LoadAsync(associationId, eventId)),
    };

    private async Task<bool> LoadAsync(int associationId, int eventId)
    {
        if (!await LoadAssociationAsync(associationId) || await events.FindAsync(associationId, eventId) is not { } view) return false;
        (View, Rounds) = (view, await events.RoundsAsync(associationId));
        return true;
    }
}
