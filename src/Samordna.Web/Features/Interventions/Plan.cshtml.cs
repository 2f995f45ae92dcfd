using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// The implementation plan (goals, receiving unit, status, roles, milestones), the anchoring log with a form to
/// add to it, and the readiness checks. Seed 002 found no plan in any of four interventions: this page is the remedy.
/// </summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class PlanModel(InterventionQueries queries, CurrentGrants grants, InterventionLists lists) : InterventionPageModel(queries, grants)
{
    public sealed class PlanForm
    {
        public string? Goals { get; set; }
        public string? ReceivingUnit { get; set; }
        public string? ReceivingParty { get; set; }
        public string? Status { get; set; }
        public List<RoleRow> Roles { get; set; } = [];
        public List<MilestoneRow> Milestones { get; set; } = [];
    }

    public sealed class RoleRow
    {
        public string? Role { get; set; }
        public string? Party { get; set; }
        public string? Responsibility { get; set; }
        public bool IsBlank => new[] { Role, Party, Responsibility }.All(string.IsNullOrWhiteSpace);
    }

    public sealed class MilestoneRow
    {
        public string? Title { get; set; }
        public string? DueDate { get; set; }
        public string? DoneDate { get; set; }
        public bool IsBlank => new[] { Title, DueDate, DoneDate }.All(string.IsNullOrWhiteSpace);
    }

    public sealed class AnchoringForm
    {
        public string? Date { get; set; }
        public string? Audience { get; set; }
        public string? Party { get; set; }
        public string? Description { get; set; }
    }

    public override string Section => "plan";

    // The two forms' field names do not overlap ("goals", "roles[0].role" … and "date", "audience" …), as the rules name them.
    [BindProperty] public PlanForm Plan { get; set; } = new();
    [BindProperty] public AnchoringForm Anchoring { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        FillFromStored();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Plan.Roles = Plan.Roles.Where(r => !r.IsBlank).ToList();
        Plan.Milestones = Plan.Milestones.Where(m => !m.IsBlank).ToList();
        Anchoring = new AnchoringForm { Date = FormReader.Show(Today) };
        var read = new FormReader();
        var input = new PlanInput(Plan.Goals, Plan.ReceivingUnit, Plan.ReceivingParty, Plan.Status,
            Plan.Roles.Select(r => new RoleInput(r.Role, r.Party, r.Responsibility)).ToList(),
            Plan.Milestones.Select((m, i) => new MilestoneInput(m.Title,
                read.Date(m.DueDate, $"milestones[{i}].dueDate", $"Milstolpe {i + 1}, klar senast"),
                read.Date(m.DoneDate, $"milestones[{i}].doneDate", $"Milstolpe {i + 1}, klar"))).ToList(), Revision);
        return await SaveAsync(read, () => lists.SetPlanAsync(interventionId, input), _ => "Implementeringsplanen sparades.", "plan-heading");
    }

    public async Task<IActionResult> OnPostAnchoringAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        FillFromStored(keepAnchoring: true);
        var read = new FormReader();
        var input = new AnchoringInput(read.Date(Anchoring.Date, "date", "Datum"), Anchoring.Audience, Anchoring.Party, Anchoring.Description);
        return await SaveAsync(read, () => lists.AddAnchoringAsync(interventionId, input), a => $"Förankringen {a.Date:yyyy-MM-dd} med {a.Audience} registrerades.",
            "plan-heading", then: $"/Interventions/{interventionId}/Plan#anchoring-heading");
    }

    private void FillFromStored(bool keepAnchoring = false)
    {
        var i = Intervention;
        Plan = View.Plan is { } p
            ? new PlanForm
            {
                Goals = p.Goals, ReceivingUnit = p.ReceivingUnit, ReceivingParty = p.ReceivingParty, Status = p.Status.ToString(),
                Roles = i.ImplementationRoles.OrderBy(r => r.Id).Select(r => new RoleRow { Role = r.Role, Party = r.Party, Responsibility = r.Responsibility }).ToList(),
                Milestones = i.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneRow { Title = m.Title, DueDate = FormReader.Show(m.DueDate), DoneDate = FormReader.Show(m.DoneDate) }).ToList(),
            }
            : new PlanForm { Status = nameof(PlanStatus.Draft) };
        Revision = View.Plan?.Revision ?? 0;
        if (!keepAnchoring) Anchoring = new AnchoringForm { Date = FormReader.Show(Today) };
    }

    public IEnumerable<RoleRow> RolesWithEmpty => WithEmpty(Plan.Roles, () => new RoleRow());
    public IEnumerable<MilestoneRow> MilestonesWithEmpty => WithEmpty(Plan.Milestones, () => new MilestoneRow());

    public static IReadOnlyList<Choice> StatusChoices { get; } = Enum.GetValues<PlanStatus>().Select(s => new Choice(s.ToString(), Names.Swedish(s))).ToList();
}
