using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>A count-only intervention's new participants per month and gender, one year at a time.</summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class MonthlyCountsModel(SamordnaDb db, MonthlyCounts counts) : FormPageModel
{
    public sealed class MonthRow
    {
        public string? Women { get; set; }
        public string? Men { get; set; }
        public string? Other { get; set; }
    }

    public Intervention Intervention { get; private set; } = null!;
    public int Year { get; private set; }
    [BindProperty] public List<MonthRow> Months { get; set; } = [];
    /// <summary>The year's revision the form was opened on.</summary>
    [BindProperty] public int? Revision { get; set; }
    public RevisionView RevisionView => new(Revision, ErrorFor(Revisions.Field), Request.Path);

    public static readonly string[] MonthNames = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId, [FromRoute] int year)
    {
        if (!await LoadAsync(interventionId, year)) return NotFound();
        var stored = await counts.ForYearAsync(interventionId, year);
        Months = Enumerable.Range(1, 12).Select(m => stored.FirstOrDefault(s => s.Month == m) is { } s
            ? new MonthRow { Women = s.Women.ToString(), Men = s.Men.ToString(), Other = s.Other.ToString() } : new MonthRow()).ToList();
        Revision = await counts.RevisionAsync(interventionId, year);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId, [FromRoute] int year)
    {
        if (!await LoadAsync(interventionId, year)) return NotFound();
        var read = new FormReader();
        var rows = Months.Take(12).Select((m, i) => new MonthlyCountRequest(i + 1,
            read.Whole(m.Women, $"months[{i}].women", $"{MonthNames[i]}, kvinnor") ?? 0, read.Whole(m.Men, $"months[{i}].men", $"{MonthNames[i]}, män") ?? 0,
            read.Whole(m.Other, $"months[{i}].other", $"{MonthNames[i]}, annat") ?? 0)).ToList();
        if (read.Errors.Count > 0) return Refused(read.Errors);
        var result = await counts.SetYearAsync(interventionId, year, rows, Revision);
        if (result is null) return NotFound();
        if (!result.IsValid) return Refused(result.Errors.Select(e => e.Field.StartsWith('[') ? e with { Field = "months" + e.Field } : e));
        TempData[EpisodeModel.SavedKey] = $"Antalen för {year} sparades.";
        return Redirect($"/Interventions/{interventionId}/MonthlyCounts/{year}");
    }

    private async Task<bool> LoadAsync(int interventionId, int year)
    {
        var intervention = await db.Interventions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return false;
        (Intervention, Year) = (intervention, year);
        return true;
    }
}
