using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Users;

namespace Samordna.Web.Features.Associations;

[RequiresPermission(Permission.ManageRoles)]
public sealed class RolesModel(SamordnaDb db, UserAdministration admin) : PageModel
{
    public int AssociationId { get; private set; }
    public string AssociationName { get; private set; } = "";
    public List<RoleAssignmentDto> Assignments { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId) =>
        await LoadAsync(associationId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync([FromRoute] int associationId, string? email, string? role)
    {
        if (!await LoadAsync(associationId)) return NotFound();
        Email = email;
        Errors = await admin.GrantByEmailAsync(email, role, associationId);
        if (Errors.Count == 0) return RedirectToPage(new { associationId });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync([FromRoute] int associationId, int assignmentId)
    {
        await admin.RevokeAsync(assignmentId, associationId);
        return RedirectToPage(new { associationId });
    }

    private async Task<bool> LoadAsync(int associationId)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return false;
        (AssociationId, AssociationName) = (associationId, name);
        Assignments = await RoleQueries.ListAsync(db, associationId);
        return true;
    }
}
