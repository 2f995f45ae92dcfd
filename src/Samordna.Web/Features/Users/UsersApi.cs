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

        api.MapPost("/associations/{associationId:int}/roles", async (int associationId, GrantRoleRequest request, UserManager<AppUser> users, UserAdministration admin) =>
        {
            var role = RoleNames.Parse(request.Role);
            if (role is null or Role.SystemAdministrator)
                return ApiProblems.Validation([new("role", "Ange en förbundsroll: AssociationAdministrator, BoardMember, Coordinator, InterventionLead, ParticipantRegistrar eller Analyst.")]);
            var user = await users.FindByEmailAsync((request.Email ?? "").Trim());
            if (user is null) return ApiProblems.Validation([new("email", $"Det finns inget konto med e-postadressen \"{request.Email}\".")]);
            var errors = await admin.GrantAsync(user.Id, role.Value, associationId);
            return errors.Count == 0 ? Results.NoContent() : ApiProblems.Validation(errors, "Rollen kunde inte ges");
        }).RequirePermission(Permission.ManageRoles);

        api.MapDelete("/associations/{associationId:int}/roles/{assignmentId:int}", async (int associationId, int assignmentId, UserAdministration admin) =>
            await admin.RevokeAsync(assignmentId, associationId) ? Results.NoContent() : ApiProblems.NotFound("Rolltilldelningen"))
            .RequirePermission(Permission.ManageRoles);
    }
}

public static class RoleQueries
{
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
