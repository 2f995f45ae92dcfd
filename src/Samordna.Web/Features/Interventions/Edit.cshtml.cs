using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// Changes an intervention's descriptive fields. The form carries the revision it was opened on, so an edit made
/// on an old copy is refused with a message instead of overwriting someone else's change.
/// </summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class EditModel(InterventionQueries queries, CurrentGrants grants, SaveIntervention save) : InterventionPageModel(queries, grants)
{
    public override string Section => "edit";

    [BindProperty]
    public InterventionForm Form { get; set; } = new();
    public InterventionFormView FormView { get; private set; } = null!;
    public bool Conflict => ErrorFor(SaveIntervention.RevisionField) is not null;

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadFormAsync(interventionId)) return NotFound();
        Form = InterventionForm.From(Intervention);
        FormView = FormView with { Form = Form };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadFormAsync(interventionId)) return NotFound();
        Form.DropBlankRows();
        if (FormView.Locked)
        {
            // The locked fields are shown disabled, so the browser does not send them; they keep their values.
            Form.Kind ??= Intervention.Kind.ToString();
            Form.MeasurementMethod ??= Intervention.MeasurementMethod.ToString();
        }
        var read = new FormReader();
        var input = Form.ToInput(read);
        return await SaveAsync(read, () => save.UpdateAsync(interventionId, input), _ => "Insatsens uppgifter sparades.", "facts-heading");
    }

    private async Task<bool> LoadFormAsync(int interventionId)
    {
        if (!await LoadAsync(interventionId)) return false;
        FormView = new InterventionFormView(this, Form, Association, (await Queries.NamesAsync(Association.Id)).Where(o => o.Id != interventionId).ToList(), Intervention.Status);
        return true;
    }
}
