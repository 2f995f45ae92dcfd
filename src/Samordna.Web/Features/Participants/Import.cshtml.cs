using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Import;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Participants;

/// <summary>Imports participants and episodes from the association's own spreadsheet, all or nothing.</summary>
[RequiresPermission(Permission.RegisterParticipants)]
public sealed class ImportModel(SamordnaDb db, RegistrarAccess access, ImportEpisodes import) : RegistrarPageModel(db, access)
{
    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId) => await LoadAsync(interventionId) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId, IFormFile? file)
    {
        if (await LoadAsync(interventionId) is { } refused) return refused;
        if (file is null || file.Length == 0) Result = new ImportResult(0, [new ImportError(1, "", "Välj en fil att importera.")]);
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            Result = await import.HandleAsync(interventionId, file.FileName, buffer.ToArray());
        }
        if (Result!.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
