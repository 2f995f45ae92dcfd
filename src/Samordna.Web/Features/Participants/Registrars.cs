using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

public sealed record RegistrarDto(int Id, string Email, string DisplayName, DateTime AssignedAt);

/// <summary>
/// Which participant registrars work with which intervention, decided by the association administrator (who never sees
/// a participant): only people who hold the role deltagaransvarig in the association can be assigned.
/// </summary>
public sealed class Registrars(SamordnaDb db, UserManager<AppUser> users)
{
    public async Task<List<RegistrarDto>> ListAsync(int interventionId) =>
        (await db.InterventionRegistrars.AsNoTracking().Where(r => r.InterventionId == interventionId)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Id, u.Email, u.DisplayName, r.AssignedAt }).ToListAsync())
            .Select(r => new RegistrarDto(r.Id, r.Email!, r.DisplayName, r.AssignedAt)).OrderBy(r => r.Email, StringComparer.Ordinal).ToList();

    /// <summary>Everyone in the association who could be assigned (holds the registrar role), for the page's list.</summary>
    public Task<List<string>> CandidatesAsync(int associationId) =>
        db.RoleAssignments.Where(r => r.AssociationId == associationId && r.Role == Role.ParticipantRegistrar)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.Email!).OrderBy(e => e).ToListAsync();

    public async Task<Result<RegistrarDto>?> AssignAsync(int interventionId, string? email)
    {
        var intervention = await db.Interventions.SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var user = await users.FindByEmailAsync((email ?? "").Trim());
        if (user is null) return Result<RegistrarDto>.Fail("email", $"Det finns inget konto med e-postadressen \"{email}\".");
        if (!await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.AssociationId == intervention.AssociationId && r.Role == Role.ParticipantRegistrar))
            return Result<RegistrarDto>.Fail("email", $"{user.Email} har inte rollen deltagaransvarig i förbundet. Ge rollen under Roller först.");
        if (await db.InterventionRegistrars.AnyAsync(r => r.InterventionId == interventionId && r.UserId == user.Id))
            return Result<RegistrarDto>.Fail("email", $"{user.Email} är redan deltagaransvarig för {intervention.Name}.");
        var row = new InterventionRegistrar { Intervention = intervention, InterventionId = interventionId, UserId = user.Id };
        db.InterventionRegistrars.Add(row);
        await db.SaveChangesAsync();
        return Result<RegistrarDto>.Ok(new RegistrarDto(row.Id, user.Email!, user.DisplayName, row.AssignedAt));
    }

    public async Task<bool> RemoveAsync(int interventionId, int registrarId)
    {
        var row = await db.InterventionRegistrars.Include(r => r.Intervention).SingleOrDefaultAsync(r => r.Id == registrarId && r.InterventionId == interventionId);
        if (row is null) return false;
        db.InterventionRegistrars.Remove(row);
        await db.SaveChangesAsync();
        return true;
    }
}
