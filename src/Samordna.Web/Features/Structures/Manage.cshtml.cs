using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Creates groups, local agreements (and their new versions) and action plans.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class ManageModel(SamordnaDb db, GroupCommands groups, Agreements agreements, ActionPlans plans) : StructurePage(db)
{
    public List<CollaborationGroup> Groups { get; private set; } = [];
    public List<AgreementView> ExistingAgreements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId) => await LoadAsync(associationId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGroupAsync([FromRoute] int associationId, GroupRequest request)
    {
        var result = await groups.CreateAsync(associationId, request);
        return result.IsValid
            ? Redirect($"/Associations/{associationId}/Structures/Groups/{result.Value!.Id}/Edit")
            : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    public async Task<IActionResult> OnPostAgreementAsync([FromRoute] int associationId, string? title, int? agreementGroupId, int? reminderDays, AgreementVersionRequest version)
    {
        var result = await agreements.CreateAsync(associationId, new AgreementRequest(title, agreementGroupId, reminderDays, version));
        return result.IsValid ? Redirect($"/Associations/{associationId}/Structures") : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    public async Task<IActionResult> OnPostVersionAsync([FromRoute] int associationId, int agreementId, AgreementVersionRequest version, Dictionary<int, int> revisions)
    {
        var result = await agreements.AddVersionAsync(associationId, agreementId, version, revisions.TryGetValue(agreementId, out var r) ? r : null);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Associations/{associationId}/Structures") : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    public async Task<IActionResult> OnPostPlanAsync([FromRoute] int associationId, string? planTitle, string? planArea, int? planGroupId, string? vision, string? goals)
    {
        var result = await plans.CreateAsync(associationId, new ActionPlanRequest(planTitle, planArea, planGroupId, vision, goals));
        return result.IsValid
            ? Redirect($"/Associations/{associationId}/Structures/Plans/{result.Value!.Id}/Edit")
            : await RefusedAsync(result.Errors, () => LoadAsync(associationId));
    }

    private async Task<bool> LoadAsync(int associationId)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        Groups = await Db.CollaborationGroups.AsNoTracking().Where(g => g.AssociationId == associationId).OrderBy(g => g.Name).ToListAsync();
        ExistingAgreements = await agreements.ListAsync(associationId);
        return true;
    }
}
