using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Core.Reports;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Reports;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class PerInhabitantModel(ReportQueries reports) : PageModel
{
    public int AssociationId { get; private set; }
    public int Year { get; private set; }
    public string Benchmark { get; private set; } = "";
    public FundingPerInhabitantResult? Figures { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int year, string? benchmark)
    {
        (AssociationId, Year) = (associationId, year);
        Benchmark = benchmark ?? FundingPerInhabitant.SeedBenchmark.ToString(CultureInfo.InvariantCulture);
        if (!Amount.TryParse(Benchmark, out var value))
        {
            Error = $"Jämförelsevärdet \"{Benchmark}\" är inget belopp. Skriv t.ex. 200.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await reports.PerInhabitantAsync(associationId, year, value);
        if (result is null) return NotFound();
        if (result.IsValid) Figures = result.Value;
        else Error = string.Join(" ", result.Errors.Select(e => e.Message));
        return Page();
    }
}
