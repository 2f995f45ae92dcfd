using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Users;

namespace Samordna.Web.Features.Admin;

/// <summary>The system administrator's page: accounts of the whole installation.</summary>
[RequiresPermission(Permission.AdministerInstallation)]
public sealed class IndexModel(SamordnaDb db, UserAdministration admin) : PageModel
{
    public sealed record UserRow(string DisplayName, string Email, bool TwoFactor, List<string> Roles);

    public List<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public string? Email { get; private set; }
    public string? DisplayName { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? email, string? displayName, string? password, bool systemAdministrator)
    {
        var created = await admin.CreateAsync(email, displayName, password);
        if (created.IsValid)
        {
            if (systemAdministrator) await admin.GrantAsync(created.Value!.Id, Role.SystemAdministrator, null);
            return RedirectToPage();
        }
        (Email, DisplayName, Errors) = (email, displayName, created.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    public string? Message { get; private set; }
    public IReadOnlyList<FieldError> ResetErrors { get; private set; } = [];

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string? email)
    {
        // Named after this form's own field, so the error summary links to it and not to the new-account form.
        ResetErrors = (await admin.ResetTwoFactorAsync(email, User.FindFirstValue(ClaimTypes.NameIdentifier)!)).Select(e => e with { Field = "reset-email" }).ToList();
        if (ResetErrors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        else Message = $"Tvåstegsverifieringen för {email} är avstängd och personens inloggningar avslutade. Personen loggar in med lösenordet och kan slå på tvåsteg igen.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var grants = await RoleQueries.DescribeAsync(db);
        Users = users.Select(u => new UserRow(u.DisplayName, u.Email ?? "", u.TwoFactorEnabled,
            grants.Where(g => g.UserId == u.Id).Select(g => g.Text).ToList())).ToList();
    }
}
