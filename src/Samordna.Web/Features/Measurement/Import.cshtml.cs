using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Import;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Measurement;

[RequiresPermission(Permission.ManageMeasurement)]
public sealed class ImportModel(SamordnaDb db, ImportAnswers import) : PageModel
{
    public SurveyRound Round { get; private set; } = new();
    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int roundId) => await LoadAsync(roundId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int roundId, IFormFile? file)
    {
        if (!await LoadAsync(roundId)) return NotFound();
        if (file is null || file.Length == 0)
            Result = new ImportResult(0, [new ImportError(1, "", "Välj en fil att importera.")]);
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            Result = await import.HandleAsync(roundId, file.FileName, buffer.ToArray());
        }
        if (Result!.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int roundId)
    {
        var round = await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return false;
        Round = round;
        return true;
    }
}
