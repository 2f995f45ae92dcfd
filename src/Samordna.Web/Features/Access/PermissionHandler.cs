using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Access;

public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>Asks the pure AccessRules, with the caller's grants and the association the route points at.</summary>
public sealed class PermissionHandler(CurrentGrants grants, SamordnaDb db) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return;
        if (requirement.Permission == Permission.ViewComparisons)
        {
            // Installation-wide: decided by the opted-in associations, not by one in the route.
            var optedIn = (await db.ComparisonOptIns.Select(o => o.AssociationId).ToListAsync()).ToHashSet();
            if (ComparisonAccess.MaySee(await grants.ForAsync(context.User), optedIn)) context.Succeed(requirement);
            return;
        }
        var associationId = context.Resource is HttpContext http ? await RouteAssociationIdAsync(http) : null;
        var held = await grants.ForAsync(context.User);
        if (AccessRules.IsAllowed(held, requirement.Permission, associationId)) context.Succeed(requirement);
    }

    /// <summary>
    /// The association a route belongs to: its associationId, or the association that owns the survey round in
    /// roundId or the intervention in interventionId. Null (only a system administrator passes) when there is none or it does not exist.
    /// </summary>
    private async Task<int?> RouteAssociationIdAsync(HttpContext http)
    {
        if (RouteInt(http, "associationId") is { } associationId) return associationId;
        if (RouteInt(http, "roundId") is { } roundId)
            return await db.SurveyRounds.Where(r => r.Id == roundId).Select(r => (int?)r.AssociationId).SingleOrDefaultAsync();
        if (RouteInt(http, "interventionId") is { } interventionId)
            return await db.Interventions.Where(i => i.Id == interventionId).Select(i => (int?)i.AssociationId).SingleOrDefaultAsync();
        return null;
    }

    private static int? RouteInt(HttpContext http, string key) =>
        http.GetRouteValue(key) is { } value && int.TryParse(value.ToString(), out var id) ? id : null;
}

/// <summary>The signed-in person's role grants, read once per request.</summary>
public sealed class CurrentGrants(SamordnaDb db)
{
    private IReadOnlyList<RoleGrant>? cached;
    private string? cachedFor;

    public async Task<IReadOnlyList<RoleGrant>> ForAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return [];
        if (cached is not null && cachedFor == userId) return cached;
        cached = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new RoleGrant(r.Role, r.AssociationId)).ToListAsync();
        cachedFor = userId;
        return cached;
    }

    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, Permission permission, int? associationId) =>
        AccessRules.IsAllowed(await ForAsync(user), permission, associationId);
}
