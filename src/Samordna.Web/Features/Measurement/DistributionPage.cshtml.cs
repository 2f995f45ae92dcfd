using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Core.Import;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Measurement;

[RequiresPermission(Permission.ManageMeasurement)]
public sealed class DistributionPageModel(SamordnaDb db, Distribution distribution) : PageModel
{
    public SurveyRound Round { get; private set; } = new();
    public DistributionSummary Summary { get; private set; } = null!;
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int roundId) => await LoadAsync(roundId) ? Page() : NotFound();

    public List<SurveyRoundPeriod> Periods { get; private set; } = [];

    /// <summary>The round's revision the dates form was opened on; after a refused save the typed values are shown again.</summary>
    public int? Revision { get; private set; }
    public (string? Email, string? Reason) TypedExclusion { get; private set; }
    public (string? Kind, DateOnly? OpensOn, DateOnly? ClosesOn)? TypedDates { get; private set; }
    public RevisionView RevisionView => new(Revision, Errors.FirstOrDefault(e => e.Field == Revisions.Field)?.Message, Request.Path);

    public async Task<IActionResult> OnPostDatesAsync([FromRoute] int roundId, DateOnly? opensOn, DateOnly? closesOn, string? kind, int? revision)
    {
        if (await db.SurveyRounds.AnyAsync(r => r.Id == roundId)) Errors = await distribution.SetDatesAsync(roundId, opensOn, closesOn, kind, revision);
        if (Errors.Count == 0) Message = "Svarsperioden är sparad.";
        else (TypedDates, Revision) = ((kind, opensOn, closesOn), revision);
        return await PageAsync(roundId);
    }

    public async Task<IActionResult> OnPostRegisterAsync([FromRoute] int roundId, IFormFile? file)
    {
        if (file is null) { ImportErrors = [new ImportError(1, "", "Välj en registerfil.")]; return await PageAsync(roundId); }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var result = await distribution.ImportRegisterAsync(roundId, file.FileName, buffer.ToArray());
        if (result is null) return NotFound();
        ImportErrors = result.Errors;
        if (result.Errors.Count == 0) Message = $"{result.Imported} personer lades till i registret.";
        return await PageAsync(roundId);
    }

    public async Task<IActionResult> OnPostLinksAsync([FromRoute] int roundId)
    {
        var csv = await distribution.CreateLinksAsync(roundId, $"{Request.Scheme}://{Request.Host}");
        return csv is null ? NotFound() : File(csv, "text/csv; charset=utf-8", $"lankar-matomgang-{roundId}.csv");
    }

    public async Task<IActionResult> OnPostSendAsync([FromRoute] int roundId, bool reminder)
    {
        var result = await distribution.SendAsync(roundId, $"{Request.Scheme}://{Request.Host}", reminder);
        if (result is null) return NotFound();
        if (result.IsValid) Message = $"{(reminder ? "Påminnelse" : "Inbjudan")} skickades till {result.Value} personer.";
        else Errors = result.Errors;
        return await PageAsync(roundId);
    }

    public async Task<IActionResult> OnPostExcludeAsync([FromRoute] int roundId, string? email, string? reason)
    {
        if (!await db.SurveyRounds.AnyAsync(r => r.Id == roundId)) return NotFound();
        Errors = await distribution.ExcludeAsync(roundId, email, reason);
        if (Errors.Count == 0) Message = $"{email} är undantagen och räknas inte i svarsfrekvensen.";
        else TypedExclusion = (email, reason);
        return await PageAsync(roundId);
    }

    private async Task<IActionResult> PageAsync(int roundId)
    {
        if (!await LoadAsync(roundId)) return NotFound();
        if (Errors.Count > 0 || ImportErrors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int roundId)
    {
        var round = await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return false;
        Round = round;
        // After a refused save the form keeps the revision it was opened on, so the next try is refused too until reloaded.
        if (TypedDates is null) Revision = round.Revision;
        Summary = (await distribution.SummaryAsync(roundId))!;
        Periods = await distribution.PeriodsAsync(roundId);
        return true;
    }
}
