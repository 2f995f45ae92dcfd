using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>The association administrator decides who registers an intervention's participants (and so sees their identity).</summary>
[RequiresPermission(Permission.ManageRoles)]
public sealed class RegistrarsModel(SamordnaDb db, Registrars registrars) : FormPageModel
{
    public Intervention Intervention { get; private set; } = null!;
    public List<RegistrarDto> Assigned { get; private set; } = [];
    public IReadOnlyList<Choice> Candidates { get; private set; } = [];
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId) => await LoadAsync(interventionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        var result = await registrars.AssignAsync(interventionId, Email);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Interventions/{interventionId}/Registrars") : Refused(result.Errors);
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromRoute] int interventionId, int registrarId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        return await registrars.RemoveAsync(interventionId, registrarId) ? Redirect($"/Interventions/{interventionId}/Registrars") : NotFound();
    }

    private async Task<bool> LoadAsync(int interventionId)
    {
        var intervention = await db.Interventions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return false;
        Intervention = intervention;
        Assigned = await registrars.ListAsync(interventionId);
        var assigned = Assigned.Select(a => a.Email).ToHashSet();
        Candidates = (await registrars.CandidatesAsync(intervention.AssociationId)).Where(e => !assigned.Contains(e)).Select(e => new Choice(e, e)).ToList();
        return true;
    }
}
