using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>Registers a new intervention; it starts as an idea.</summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class NewModel(InterventionQueries queries, SaveIntervention save) : FormPageModel
{
    [BindProperty]
    public InterventionForm Form { get; set; } = new();
    public Association Association { get; private set; } = null!;
    public InterventionFormView FormView { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId) => await LoadAsync(associationId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId)
    {
        if (!await LoadAsync(associationId)) return NotFound();
        Form.DropBlankRows();
        var read = new FormReader();
        var input = Form.ToInput(read) with { Revision = null };
        if (read.Errors.Count > 0) return Refused(read.Errors);
        var result = await save.CreateAsync(associationId, input);
        if (result is null) return NotFound();
        if (!result.IsValid) return Refused(result.Errors);
        TempData[OverviewModel.SavedKey] = $"Insatsen {result.Value!.Name} registrerades som idé.";
        return Redirect($"/Interventions/{result.Value.Id}");
    }

    private async Task<bool> LoadAsync(int associationId)
    {
        if (await queries.AssociationAsync(associationId) is not { } association) return false;
        Association = association;
        FormView = new InterventionFormView(this, Form, association, await queries.NamesAsync(associationId), null);
        return true;
    }
}
