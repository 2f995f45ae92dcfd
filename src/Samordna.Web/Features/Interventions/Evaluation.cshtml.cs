using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>The evaluation's findings and recommendations, each with an owner, a status and a follow-up date.</summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class EvaluationModel(InterventionQueries queries, CurrentGrants grants, InterventionLists lists) : InterventionPageModel(queries, grants)
{
    public sealed class FindingRow
    {
        public string? Finding { get; set; }
        public string? Recommendation { get; set; }
        public string? Owner { get; set; }
        public string? Status { get; set; }
        public string? FollowUpDate { get; set; }
        public bool IsBlank => new[] { Finding, Recommendation, Owner, FollowUpDate }.All(string.IsNullOrWhiteSpace);
    }

    public override string Section => "evaluation";

    [BindProperty] public List<FindingRow> Findings { get; set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Findings = Intervention.Findings.OrderBy(f => f.Id).Select(f => new FindingRow
        {
            Finding = f.Finding, Recommendation = f.Recommendation, Owner = f.Owner, Status = f.Status.ToString(), FollowUpDate = FormReader.Show(f.FollowUpDate),
        }).ToList();
        Revision = Intervention.FindingsRevision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Findings = Findings.Where(f => !f.IsBlank).ToList();
        var read = new FormReader();
        var rows = Findings.Select((f, i) => new FindingInput(f.Finding, f.Recommendation, f.Owner, f.Status,
            read.Date(f.FollowUpDate, $"findings[{i}].followUpDate", $"Iakttagelse {i + 1}, följs upp"))).ToList();
        return await SaveAsync(read, () => lists.SetFindingsAsync(interventionId, rows, Revision), n => $"Utvärderingens iakttagelser sparades ({n} st).", "evaluation-heading");
    }

    public IEnumerable<FindingRow> RowsWithEmpty => WithEmpty(Findings, () => new FindingRow());

    public static IReadOnlyList<Choice> StatusChoices { get; } = Enum.GetValues<FindingStatus>().Select(s => new Choice(s.ToString(), Names.Swedish(s))).ToList();
}
