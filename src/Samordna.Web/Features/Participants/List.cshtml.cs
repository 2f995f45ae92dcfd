using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Participants;

/// <summary>A registrar's list of an intervention's participants, with the follow-ups that are due. Showing the names is audited.</summary>
[RequiresPermission(Permission.RegisterParticipants)]
public sealed class ListModel(SamordnaDb db, RegistrarAccess access, EpisodeQueries queries) : RegistrarPageModel(db, access)
{
    public List<EpisodeRow> Rows { get; private set; } = [];
    public List<FollowUpDto> Due => Rows.SelectMany(r => r.FollowUps).Where(f => f.State == FollowUpState.Due).OrderBy(f => f.DueOn).ToList();

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (await LoadAsync(interventionId) is { } refused) return refused;
        Rows = await queries.ListAsync(interventionId, withNames: true, "Deltagarlista");
        return Page();
    }

    public string NameOf(int episodeId) => Rows.FirstOrDefault(r => r.Episode.Id == episodeId)?.Name ?? $"Episod {episodeId}";
}
