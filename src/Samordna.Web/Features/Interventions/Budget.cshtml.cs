using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// One budget year of an intervention: planned and actual participants and the lines with budget and outcome.
/// Amounts are typed the Swedish way ("1 250 000", "99 500,50") and read by Core's Amount rule.
/// </summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class BudgetModel(InterventionQueries queries, CurrentGrants grants, SaveBudgetYear save) : InterventionPageModel(queries, grants)
{
    public sealed class LineRow
    {
        public string? Kind { get; set; }
        public string? Label { get; set; }
        public string? Budget { get; set; }
        public string? Outcome { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Budget) && string.IsNullOrWhiteSpace(Outcome);
    }

    public override string Section => "budget";
    public int Year { get; private set; }
    public bool Exists { get; private set; }

    [BindProperty] public string? PlannedParticipants { get; set; }
    [BindProperty] public string? ActualParticipants { get; set; }
    [BindProperty] public List<LineRow> Lines { get; set; } = [];

    /// <summary>The participants counted from this year's episodes when they replace the typed count; otherwise null.</summary>
    public int? CountedParticipants =>
        BudgetRules.UsesCountedParticipants(View.Intervention.MeasurementMethod, View.CountedIn(Year)) ? View.CountedIn(Year) : null;

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId, [FromRoute] int year)
    {
        if (!await LoadYearAsync(interventionId, year)) return NotFound();
        if (View.Budget.SingleOrDefault(b => b.Year == year) is { } figures)
        {
            PlannedParticipants = figures.PlannedParticipants?.ToString();
            // The typed count as stored: the counted one is shown beside it, and saving must not turn it into a typed one.
            ActualParticipants = View.Intervention.BudgetYears.Single(y => y.Year == year).ActualParticipants?.ToString();
            Lines = figures.Lines.Select(l => new LineRow { Kind = l.Kind.ToString(), Label = l.Label, Budget = FormReader.Show(l.Budget), Outcome = FormReader.Show(l.Outcome) }).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId, [FromRoute] int year)
    {
        if (!await LoadYearAsync(interventionId, year)) return NotFound();
        Lines = Lines.Where(l => !l.IsBlank).ToList();
        var read = new FormReader();
        var request = new BudgetYearRequest(
            read.Whole(PlannedParticipants, "plannedParticipants", "Planerat antal deltagare"),
            read.Whole(ActualParticipants, "actualParticipants", "Faktiskt antal deltagare"),
            Lines.Select((l, i) => new BudgetLineInput(l.Kind, l.Label,
                read.Number(l.Budget, $"lines[{i}].budget", $"Rad {i + 1}, budget"),
                read.Number(l.Outcome, $"lines[{i}].outcome", $"Rad {i + 1}, utfall"))).ToList(), Revision);
        return await SaveAsync(read, () => save.HandleAsync(interventionId, year, request), f => $"Budgeten för {year} sparades: {Show.Money(f.Budget)} i budget.",
            "budget-heading", f => BudgetRules.Warnings(BudgetRules.WithCountedParticipants(f, View.Intervention.MeasurementMethod, View.CountedIn(year)), Today));
    }

    /// <summary>Removes the year; the box must be ticked, since there is no undo (the audit log keeps what was removed).</summary>
    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] int interventionId, [FromRoute] int year, bool confirm)
    {
        if (!await LoadYearAsync(interventionId, year)) return NotFound();
        if (!confirm)
        {
            await OnGetAsync(interventionId, year);
            return Refused([new("confirm", $"Kryssa i rutan för att bekräfta att budgetåret {year} ska tas bort.")]);
        }
        var sent = Revision;
        var deleted = await save.DeleteAsync(interventionId, year, sent);
        if (deleted is { IsValid: false })
        {
            await OnGetAsync(interventionId, year);
            Revision = sent;
            return Refused(deleted.Errors);
        }
        if (deleted is not null) TempData[OverviewModel.SavedKey] = $"Budgetåret {year} togs bort.";
        return Redirect($"/Interventions/{interventionId}#budget-heading");
    }

    private async Task<bool> LoadYearAsync(int interventionId, int year)
    {
        if (!await LoadAsync(interventionId)) return false;
        Year = year;
        Exists = View.Budget.Any(b => b.Year == year);
        // A post keeps the revision it was opened on; a page opened now gets the stored one (0: no budget yet).
        if (HttpMethods.IsGet(Request.Method)) Revision = Intervention.BudgetYears.SingleOrDefault(b => b.Year == year)?.Revision ?? 0;
        return true;
    }

    /// <summary>Years to choose between: those with a budget, the intervention's period and the years around today.</summary>
    public IReadOnlyList<int> Years
    {
        get
        {
            var years = View.Budget.Select(b => b.Year).Append(Year).Append(Today.Year - 1).Append(Today.Year).Append(Today.Year + 1);
            if (Intervention.StartDate is { } start)
                years = years.Concat(Enumerable.Range(start.Year, Math.Max(0, ((Intervention.ActualEndDate ?? Intervention.PlannedEndDate)?.Year ?? start.Year) - start.Year + 1)));
            return years.Where(y => y is >= 2004 and <= 2100).Distinct().Order().ToList();
        }
    }

    public IEnumerable<LineRow> RowsWithEmpty => WithEmpty(Lines, () => new LineRow());

    public static IReadOnlyList<Choice> KindChoices { get; } =
        Enum.GetValues<BudgetLineKind>().Select(k => new Choice(k.ToString(), BudgetLineNames.Swedish(k))).ToList();
}
