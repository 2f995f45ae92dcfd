using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Accounts;

public sealed record CreateTokenRequest(string? Name);

/// <summary>The caller's own account: who am I, my roles, my API tokens.</summary>
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

        api.MapPost("/me/tokens", [Authorize] async (ClaimsPrincipal principal, CreateTokenRequest request, ApiTokenService tokens) =>
        {
            var created = await tokens.CreateAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, request.Name ?? "");
            return Results.Created($"/api/v1/me/tokens/{created.Id}", new { id = created.Id, token = created.Secret });
        });

        api.MapDelete("/me/tokens/{tokenId:int}", [Authorize] async (ClaimsPrincipal principal, int tokenId, ApiTokenService tokens) =>
            await tokens.RevokeAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, tokenId)
                ? Results.NoContent()
                : ApiProblems.NotFound("API-nyckeln"));
    }
}
