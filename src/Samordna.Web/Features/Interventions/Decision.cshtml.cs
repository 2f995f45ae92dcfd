using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// Records one decision: a move in the life cycle or a log entry. The intervention page shows the same form and
/// posts here; after a decision the person is sent back there with the decision's warnings.
/// </summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class DecisionModel(InterventionQueries queries, CurrentGrants grants, RecordDecision record) : InterventionPageModel(queries, grants)
{
    public override string Section => "decision";

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    public DecisionFormView FormView => new(this, Intervention.Id, Intervention.Status, Form);

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Form = DecisionForm.For(Intervention.Status, Today);
        return Page();
    }

    private static string Saved(Data.InterventionDecision decision) => decision.ToStatus is { } to
        ? $"Beslutet registrerades: {InterventionStatusNames.Swedish(decision.FromStatus!.Value)} → {InterventionStatusNames.Swedish(to)} ({decision.DecidedOn:yyyy-MM-dd}, {decision.DecidedBy})."
        : $"Beslutet loggades ({decision.DecidedOn:yyyy-MM-dd}, {decision.DecidedBy}).";

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        var read = new FormReader();
        var request = Form.ToRequest(read);
        return await SaveAsync(read, () => record.HandleAsync(interventionId, request), outcome => Saved(outcome.Decision), "decisions-heading", outcome => outcome.Warnings);
    }
}
