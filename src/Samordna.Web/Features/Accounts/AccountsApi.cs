using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Accounts;

/// <summary>
/// The caller's own account: who am I, my roles, my API tokens. Tokens are created only on the signed-in page
/// or by the operator's verb, never with a token, so revoking a leaked token ends the leak.
/// </summary>
public static class AccountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", [Authorize] async (ClaimsPrincipal principal, SamordnaDb db, CurrentGrants grants) =>
        {
            var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            var roles = (await grants.ForAsync(principal)).Select(g => new { role = g.Role.ToString(), associationId = g.AssociationId });
            return Results.Ok(new { id, email = user.Email, displayName = user.DisplayName, twoFactorEnabled = user.TwoFactorEnabled, roles });
        });

        api.MapGet("/me/tokens", [Authorize] async (ClaimsPrincipal principal, SamordnaDb db) =>
        {
            var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
            return Results.Ok(await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt }).ToListAsync());
        });

        api.MapDelete("/me/tokens/{tokenId:int}", [Authorize] async (ClaimsPrincipal principal, int tokenId, ApiTokenService tokens) =>
            await tokens.RevokeAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, tokenId)
                ? Results.NoContent()
                : ApiProblems.NotFound("API-nyckeln"));
    }
}
