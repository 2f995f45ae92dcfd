using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// The second half of every decision about a participant's identity: after the permission (a participant registrar
/// of the association), the person must be assigned to the intervention by the association administrator.
/// </summary>
public sealed class RegistrarAccess(SamordnaDb db, CurrentGrants grants)
{
    public const string Refusal = "Du är inte deltagaransvarig för den här insatsen. Förbundsadministratören tilldelar deltagaransvariga per insats.";

    public async Task<bool> MayRegisterAsync(ClaimsPrincipal user, int interventionId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return false;
        var associationId = await db.Interventions.Where(i => i.Id == interventionId).Select(i => (int?)i.AssociationId).SingleOrDefaultAsync();
        return associationId is not null
            && await grants.IsAllowedAsync(user, Permission.RegisterParticipants, associationId)
            && await db.InterventionRegistrars.AnyAsync(r => r.InterventionId == interventionId && r.UserId == userId);
    }

    /// <summary>
    /// A person's data as a whole (register extract, restriction, erasure): a registrar of one of their interventions.
    /// A participant who is not in the association passes here, so the handler answers 404 as for any missing row.
    /// </summary>
    public async Task<bool> MaySeeParticipantAsync(ClaimsPrincipal user, int associationId, int participantId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !await grants.IsAllowedAsync(user, Permission.RegisterParticipants, associationId)) return false;
        if (!await db.Participants.AnyAsync(p => p.Id == participantId && p.AssociationId == associationId)) return true;
        return await db.Episodes.AnyAsync(e => e.ParticipantId == participantId && e.AssociationId == associationId
            && db.InterventionRegistrars.Any(r => r.InterventionId == e.InterventionId && r.UserId == userId));
    }

    /// <summary>The interventions the person is assigned to, for their start page.</summary>
    public async Task<List<Intervention>> AssignedInterventionsAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.InterventionRegistrars.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.Intervention!)
            .OrderBy(i => i.AssociationId).ThenBy(i => i.Name).ToListAsync();
    }
}
