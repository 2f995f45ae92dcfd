using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Reports;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class InterventionComparisonModel(InterventionComparisonQuery query) : PageModel
{
    public InterventionComparison Comparison { get; private set; } = null!;
    public string? BudgetYear { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, string? budgetYear) => await LoadAsync(associationId, budgetYear) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] int associationId, string? budgetYear) =>
        await LoadAsync(associationId, budgetYear) ?? File(XlsxExport.WriteSheets(InterventionComparisonExport.Sheets(Comparison)), PortfolioExport.ContentType, FileName("xlsx"));

    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int associationId, string? budgetYear) =>
        await LoadAsync(associationId, budgetYear) ?? File(CsvExport.WriteSheets(InterventionComparisonExport.Sheets(Comparison)), CsvExport.ContentType, FileName("csv"));

    private string FileName(string extension) => $"jamforelse-insatser-{Comparison.AssociationId}{(Comparison.Year is { } y ? $"-{y}" : "")}.{extension}";

    private async Task<IActionResult?> LoadAsync(int associationId, string? budgetYear)
    {
        BudgetYear = budgetYear;
        var read = new FormReader();
        var year = read.Whole(budgetYear, "budgetYear", "Budgetår");
        if (year is < 2004 or > 2100) read.Errors.Add(new("budgetYear", $"Budgetår: {year} ligger utanför 2004–2100."));
        if (read.Errors.Count > 0)
        {
            Error = read.Errors[0].Message;
            year = null;
        }
        if (await query.ForAsync(associationId, year) is not { } comparison) return NotFound();
        Comparison = comparison;
        if (Error is null) return null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
