using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Reports;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class AnnualReportModel(AnnualReportQuery query) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int year)
    {
        if (year is < 2004 or > 2100 || await query.ForAsync(associationId, year) is not { } report) return NotFound();
        Report = report;
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] int associationId, [FromRoute] int year) =>
        year is < 2004 or > 2100 || await query.ForAsync(associationId, year) is not { } report
            ? NotFound()
            : File(XlsxExport.WriteSheets(AnnualReportQuery.Sheets(report)), PortfolioExport.ContentType, $"verksamhetsar-{year}.xlsx");

    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int associationId, [FromRoute] int year) =>
        year is < 2004 or > 2100 || await query.ForAsync(associationId, year) is not { } report
            ? NotFound()
            : File(CsvExport.WriteSheets(AnnualReportQuery.Sheets(report)), CsvExport.ContentType, $"verksamhetsar-{year}.csv");
}
