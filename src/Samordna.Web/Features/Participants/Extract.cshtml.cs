using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// A person's rights in one place, for the registrars of their interventions: the register extract (a read, audited),
/// restriction and its lifting, and erasure.
/// </summary>
[RequiresPermission(Permission.RegisterParticipants)]
public sealed class ExtractModel(RegistrarAccess access, PersonalDataDuties duties) : FormPageModel
{
    public RegisterExtract Extract { get; private set; } = null!;
    public int AssociationId { get; private set; }
    [BindProperty] public string? Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int participantId)
    {
        if (!await access.MaySeeParticipantAsync(User, associationId, participantId)) return Forbid();
        if (await duties.ExtractAsync(associationId, participantId) is not { } extract) return NotFound();
        (Extract, AssociationId) = (extract, associationId);
        return Page();
    }

    public async Task<IActionResult> OnPostRestrictAsync([FromRoute] int associationId, [FromRoute] int participantId, bool restricted, int? revision)
    {
        if (!await access.MaySeeParticipantAsync(User, associationId, participantId)) return Forbid();
        if (await duties.SetRestrictedAsync(associationId, participantId, restricted, revision) is not { } result) return NotFound();
        if (!result.IsValid)
        {
            if (await duties.ExtractAsync(associationId, participantId) is not { } extract) return NotFound();
            (Extract, AssociationId) = (extract, associationId);
            return Refused(result.Errors);
        }
        return Redirect($"/Associations/{associationId}/Participants/{participantId}");
    }

    public async Task<IActionResult> OnPostEraseAsync([FromRoute] int associationId, [FromRoute] int participantId)
    {
        if (!await access.MaySeeParticipantAsync(User, associationId, participantId)) return Forbid();
        if (Confirm != "ja")
        {
            if (await duties.ExtractAsync(associationId, participantId) is not { } extract) return NotFound();
            (Extract, AssociationId) = (extract, associationId);
            return Refused([new("confirm", "Kryssa i att personen har begärt radering och att du har kontrollerat begäran.")]);
        }
        if (!await duties.EraseAsync(associationId, participantId)) return NotFound();
        TempData[EpisodeModel.SavedKey] = "Personen är raderad. Episoderna finns kvar som anonym statistik.";
        return Redirect("/Participants");
    }
}
