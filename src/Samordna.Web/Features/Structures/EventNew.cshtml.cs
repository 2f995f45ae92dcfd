using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Records an event: kind, date, place, organiser, participants per organisation, evaluation round, follow-up.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class EventNewModel(SamordnaDb db, CollaborationEvents events) : StructurePage(db)
{
    public Dictionary<int, string> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId) => await LoadAsync(associationId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId, EventRequest request)
    {
        var result = await events.CreateAsync(associationId, request);
        return result.IsValid ? Redirect($"/Associations/{associationId}/Structures/Events#event-{result.Value!.Id}") : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    private async Task<bool> LoadAsync(int associationId)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        Rounds = await events.RoundsAsync(associationId);
        return true;
    }
}
