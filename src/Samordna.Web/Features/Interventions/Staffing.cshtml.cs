using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>The intervention's posts: role, employing party, share of full time, seconded or hired, co-located.</summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class StaffingModel(InterventionQueries queries, CurrentGrants grants, InterventionLists lists) : InterventionPageModel(queries, grants)
{
    public sealed class StaffRow
    {
        public string? Role { get; set; }
        public string? EmployingParty { get; set; }
        public string? FtePercent { get; set; }
        public string? Employment { get; set; }
        public bool CoLocated { get; set; }
        public bool IsBlank => new[] { Role, EmployingParty, FtePercent }.All(string.IsNullOrWhiteSpace);
    }

    public override string Section => "staffing";

    [BindProperty] public List<StaffRow> Staff { get; set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Staff = Intervention.Staff.OrderBy(s => s.Id).Select(s => new StaffRow
        {
            Role = s.Role, EmployingParty = s.EmployingParty, FtePercent = FormReader.Show(s.FtePercent), Employment = s.Employment.ToString(), CoLocated = s.CoLocated,
        }).ToList();
        Revision = Intervention.StaffRevision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadAsync(interventionId)) return NotFound();
        Staff = Staff.Where(s => !s.IsBlank).ToList();
        var read = new FormReader();
        var rows = Staff.Select((s, i) => new StaffInput(s.Role, s.EmployingParty,
            read.Number(s.FtePercent, $"staff[{i}].ftePercent", $"Bemanning rad {i + 1}, tjänstgöringsgrad"), s.Employment, s.CoLocated)).ToList();
        return await SaveAsync(read, () => lists.SetStaffAsync(interventionId, rows, Revision), n => $"Bemanningen sparades ({n} tjänster).", "staff-heading");
    }

    public IEnumerable<StaffRow> RowsWithEmpty => WithEmpty(Staff, () => new StaffRow());

    public static IReadOnlyList<Choice> EmploymentChoices { get; } = Enum.GetValues<Employment>().Select(e => new Choice(e.ToString(), Names.Swedish(e))).ToList();
}
