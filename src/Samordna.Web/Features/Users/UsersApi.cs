using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Users;

public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password);
public sealed record GrantRoleRequest(string? Email, string? Role);
public sealed record RoleAssignmentDto(int Id, string Email, string DisplayName, string Role, string RoleName);

public static class UsersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/users", async (CreateUserRequest request, UserAdministration admin) =>
        {
            var result = await admin.CreateAsync(request.Email, request.DisplayName, request.Password);
            return result.IsValid
                ? Results.Created($"/api/v1/users/{result.Value!.Id}", new { id = result.Value.Id, email = result.Value.Email })
                : ApiProblems.Validation(result.Errors, "Kontot kunde inte skapas");
        }).RequirePermission(Permission.AdministerInstallation);

        api.MapGet("/associations/{associationId:int}/roles", async (int associationId, SamordnaDb db) =>
            Results.Ok(await RoleQueries.ListAsync(db, associationId)))
            .RequirePermission(Permission.ManageRoles);

        api.MapPost("/associations/{associationId:int}/roles", async (int associationId, GrantRoleRequest request, UserAdministration admin) =>
        {
            var errors = await admin.GrantByEmailAsync(request.Email, request.Role, associationId);
            return errors.Count == 0 ? Results.NoContent() : ApiProblems.Validation(errors, "Rollen kunde inte ges");
        }).RequirePermission(Permission.ManageRoles);

        api.MapDelete("/associations/{associationId:int}/roles/{assignmentId:int}", async (int associationId, int assignmentId, UserAdministration admin) =>
            await admin.RevokeAsync(assignmentId, associationId) ? Results.NoContent() : ApiProblems.NotFound("Rolltilldelningen"))
            .RequirePermission(Permission.ManageRoles);
    }
}

public static class RoleQueries
{
    /// <summary>Each grant as people read it ("Styrelseledamot i Samordningsförbund X"), for one user or all.</summary>
    public static async Task<List<(string UserId, string Text)>> DescribeAsync(SamordnaDb db, string? userId = null)
    {
        var grants = await (from r in db.RoleAssignments.AsNoTracking()
                            where userId == null || r.UserId == userId
                            join a in db.Associations.AsNoTracking() on r.AssociationId equals a.Id into joined
                            from a in joined.DefaultIfEmpty()
                            select new { r.UserId, r.Role, Name = a == null ? null : a.Name }).ToListAsync();
        return grants.Select(g => (g.UserId, g.Name is null ? RoleNames.Swedish(g.Role) : $"{RoleNames.Swedish(g.Role)} i {g.Name}")).ToList();
    }

    public static async Task<List<RoleAssignmentDto>> ListAsync(SamordnaDb db, int associationId)
    {
        var rows = await (from r in db.RoleAssignments.AsNoTracking()
                          join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                          where r.AssociationId == associationId
                          orderby u.Email
                          select new { r.Id, u.Email, u.DisplayName, r.Role }).ToListAsync();
        return rows.Select(x => new RoleAssignmentDto(x.Id, x.Email ?? "", x.DisplayName, x.Role.ToString(), RoleNames.Swedish(x.Role))).ToList();
    }
}
