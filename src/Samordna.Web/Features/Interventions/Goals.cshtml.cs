using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>The intervention's time-bound numeric goals and their results, edited as one list.</summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class GoalsModel(InterventionQueries queries, CurrentGrants grants, InterventionLists lists) : InterventionPageModel(queries, grants)
{
    public sealed class GoalRow
    {
        public string? Description { get; set; }
        public string? Target { get; set; }
        public string? Unit { get; set; }
        public string? Direction { get; set; }
        public string? TargetDate { get; set; }
        public string? Result { get; set; }
        public string? ResultDate { get; set; }
        public bool IsBlank => new[] { Description, Target, TargetDate, Result, ResultDate }.All(string.IsNullOrWhiteSpace);
    }

    public override string Section => "goals";

    [BindProperty] public List<GoalRow> Goals { get; set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Goals = Intervention.Goals.OrderBy(g => g.Id).Select(g => new GoalRow
        {
            Description = g.Description, Target = FormReader.Show(g.Target), Unit = g.Unit.ToString(), Direction = g.Direction.ToString(),
            TargetDate = FormReader.Show(g.TargetDate), Result = FormReader.Show(g.Result), ResultDate = FormReader.Show(g.ResultDate),
        }).ToList();
        Revision = Intervention.GoalsRevision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Goals = Goals.Where(g => !g.IsBlank).ToList();
        var read = new FormReader();
        var rows = Goals.Select((g, i) => new GoalInput(g.Description,
            read.Number(g.Target, $"goals[{i}].target", $"Mål {i + 1}, målvärde"), g.Unit, g.Direction,
            read.Date(g.TargetDate, $"goals[{i}].targetDate", $"Mål {i + 1}, senast"),
            read.Number(g.Result, $"goals[{i}].result", $"Mål {i + 1}, resultat"),
            read.Date(g.ResultDate, $"goals[{i}].resultDate", $"Mål {i + 1}, resultatets datum"))).ToList();
        return await SaveAsync(read, () => lists.SetGoalsAsync(interventionId, rows, Revision), n => $"Målen sparades ({n} st).", "goals-heading");
    }

    public IEnumerable<GoalRow> RowsWithEmpty => WithEmpty(Goals, () => new GoalRow());

    public static IReadOnlyList<Choice> UnitChoices { get; } = Enum.GetValues<GoalUnit>().Select(u => new Choice(u.ToString(), Names.Swedish(u))).ToList();
    public static IReadOnlyList<Choice> DirectionChoices { get; } = Enum.GetValues<GoalDirection>().Select(d => new Choice(d.ToString(), Names.Swedish(d))).ToList();
}
