using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Adds roles to "vägen in", hands a role to a new person, and chooses what the public view shows.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class DirectoryEditModel(SamordnaDb db, ContactDirectory directory) : StructurePage(db)
{
    public List<DirectoryHit> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId) => await LoadAsync(associationId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEntryAsync([FromRoute] int associationId, DirectoryEntryRequest request)
    {
        var result = await directory.AddAsync(associationId, request);
        return result.IsValid ? Redirect($"/Associations/{associationId}/Directory/Edit") : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    public async Task<IActionResult> OnPostHolderAsync([FromRoute] int associationId, int entryId, HolderRequest request, Dictionary<int, int> revisions)
    {
        var result = await directory.ChangeHolderAsync(associationId, entryId, request with { Revision = revisions.TryGetValue(entryId, out var r) ? r : null });
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Associations/{associationId}/Directory/Edit") : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    public async Task<IActionResult> OnPostPublicAsync([FromRoute] int associationId, int entryId, bool isPublic, int? revision)
    {
        var result = await directory.SetPublicAsync(associationId, entryId, isPublic, revision);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Associations/{associationId}/Directory/Edit") : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    private async Task<bool> LoadAsync(int associationId)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        Entries = await directory.SearchAsync(associationId, null, publicView: false);
        return true;
    }
}
