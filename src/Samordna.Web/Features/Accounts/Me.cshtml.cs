using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Features.Users;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Accounts;

/// <summary>The person's own page: roles, two-factor status and API tokens.</summary>
[Authorize]
public sealed class MeModel(SamordnaDb db, ApiTokenService tokens) : PageModel
{
    public AppUser UserRecord { get; private set; } = new();
    public List<string> Roles { get; private set; } = [];
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name)
    {
        NewSecret = (await tokens.CreateAsync(UserId, name ?? "")).Secret;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId)
    {
        await tokens.RevokeAsync(UserId, tokenId);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        UserRecord = await db.Users.AsNoTracking().SingleAsync(u => u.Id == UserId);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == UserId).OrderBy(t => t.Id).ToListAsync();
        Roles = (await RoleQueries.DescribeAsync(db, UserId)).Select(g => g.Text).ToList();
    }
}
