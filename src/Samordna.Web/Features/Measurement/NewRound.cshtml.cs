using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Measurement;

[RequiresPermission(Permission.ManageMeasurement)]
public sealed class NewRoundModel(SamordnaDb db, CreateRound create, InstrumentBank bank) : PageModel
{
    public List<Samordna.Core.Measurement.Instrument> Instruments { get; private set; } = [];
    public int AssociationId { get; private set; }
    public string? Name { get; private set; }
    public string? Instrument { get; private set; }
    public List<SurveyRound> Existing { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId) =>
        await LoadAsync(associationId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId, string? name, string? instrument, int? baselineRoundId)
    {
        if (!await LoadAsync(associationId)) return NotFound();
        (Name, Instrument) = (name, instrument);
        var result = await create.HandleAsync(associationId, new CreateRoundRequest(instrument, name, baselineRoundId));
        if (result.IsValid) return Redirect($"/Associations/{associationId}/Surveys");
        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int associationId)
    {
        if (!await db.Associations.AnyAsync(a => a.Id == associationId)) return false;
        AssociationId = associationId;
        Instruments = await bank.ListAsync();
        Existing = await db.SurveyRounds.AsNoTracking().Where(r => r.AssociationId == associationId).OrderBy(r => r.Id).ToListAsync();
        return true;
    }
}
