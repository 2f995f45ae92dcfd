using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Reports;

/// <summary>
/// The associations that opted in, side by side (aggregates only), with the national aggregate of the collaboration
/// measurement. Seen by anyone with a role in an opted-in association and by the system administrator.
/// </summary>
[RequiresPermission(Permission.ViewComparisons)]
public sealed class AssociationComparisonModel(AssociationComparisonQuery query, TimeProvider clock) : PageModel
{
    public AssociationComparison Comparison { get; private set; } = null!;
    public NationalMeasurement? Measurement { get; private set; }
    public string? YearText { get; private set; }
    public string? Instrument { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "year")] string? yearText, string? instrument) => await LoadAsync(yearText, instrument) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery(Name = "year")] string? yearText, string? instrument) =>
        await LoadAsync(yearText, instrument) ?? File(XlsxExport.WriteSheets(AssociationComparisonExport.Sheets(Comparison, Measurement)), PortfolioExport.ContentType, FileName("xlsx"));

    public async Task<IActionResult> OnGetCsvAsync([FromQuery(Name = "year")] string? yearText, string? instrument) =>
        await LoadAsync(yearText, instrument) ?? File(CsvExport.WriteSheets(AssociationComparisonExport.Sheets(Comparison, Measurement)), CsvExport.ContentType, FileName("csv"));

    private string FileName(string extension) => $"jamforelse-forbund-{Comparison.Year}.{extension}";

    /// <summary>"spindeln:1" → ("spindeln", 1); a bare code means its newest version.</summary>
    public static (string Code, int? Version) ParseInstrument(string text)
    {
        var parts = text.Split(':', 2);
        return (parts[0].Trim(), parts.Length == 2 && int.TryParse(parts[1], out var v) ? v : null);
    }

    // The year is a query value here (no association in the route), so it is not named "year": that name is kept for route values.
    private async Task<IActionResult?> LoadAsync(string? year, string? instrument)
    {
        (YearText, Instrument) = (year, instrument);
        var read = new FormReader();
        var chosen = read.Whole(year, "year", "År") ?? clock.GetLocalNow().Year - 1;
        if (chosen is < 2004 or > 2100) read.Errors.Add(new("year", $"År: {chosen} ligger utanför 2004–2100."));
        if (read.Errors.Count > 0)
        {
            Error = read.Errors[0].Message + " Visar föregående år.";
            chosen = clock.GetLocalNow().Year - 1;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Comparison = await query.ForAsync(chosen);
        (string? Code, int? Version) pick = string.IsNullOrWhiteSpace(instrument)
            ? (Comparison.Instruments.FirstOrDefault()?.Code, Comparison.Instruments.FirstOrDefault()?.Version)
            : ParseInstrument(instrument);
        if (pick.Code is { } code) Measurement = await query.MeasurementAsync(code, pick.Version);
        return Error is null ? null : Page();
    }
}
