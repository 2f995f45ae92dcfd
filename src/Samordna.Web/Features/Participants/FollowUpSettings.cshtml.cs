using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>One intervention's own follow-up days and windows, or back to the association's.</summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class FollowUpSettingsModel(SamordnaDb db, FollowUpSettings followUps) : FormPageModel
{
    public Intervention Intervention { get; private set; } = null!;
    public FollowUpSettingDto Plan { get; private set; } = null!;
    [BindProperty] public SettingsModel.PlanForm PlanFields { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        PlanFields = SettingsModel.PlanForm.From(Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        var read = new FormReader();
        // The revision read is the intervention's own row's (0 while it follows the association).
        var request = PlanFields.ToRequest(read, "planFields");
        if (read.Errors.Count > 0) return Refused(read.Errors);
        var result = await followUps.SaveAsync(Intervention.AssociationId, interventionId, request);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Interventions/{interventionId}/FollowUpSettings?saved=1")
            : Refused(result.Errors.Select(e => e.Field == EpisodeCommands.RevisionField ? e : e with { Field = "planFields." + e.Field }));
    }

    public async Task<IActionResult> OnPostResetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        await followUps.ResetAsync(interventionId);
        return Redirect($"/Interventions/{interventionId}/FollowUpSettings?saved=1");
    }

    private async Task<bool> LoadAsync(int interventionId)
    {
        var intervention = await db.Interventions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return false;
        Intervention = intervention;
        Plan = (await followUps.InForceAsync(interventionId))!;
        return true;
    }
}
