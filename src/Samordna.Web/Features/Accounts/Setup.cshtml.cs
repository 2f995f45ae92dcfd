using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Data;
using Samordna.Web.Features.Users;

namespace Samordna.Web.Features.Accounts;

/// <summary>
/// Creates the first system administrator: only while there are no accounts, and only for a browser on the
/// server itself, so a fresh installation on a network is never open to whoever finds it first.
/// </summary>
[AllowAnonymous]
public sealed class SetupModel(UserAdministration admin, SignInManager<AppUser> signIn) : PageModel
{
    public bool IsLocal { get; private set; }
    public string? Email { get; private set; }
    public string? DisplayName { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await admin.AnyUserExistsAsync()) return NotFound();
        IsLocal = IsLoopback(HttpContext);
        if (!IsLocal) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? displayName, string? password)
    {
        if (await admin.AnyUserExistsAsync()) return NotFound();
        IsLocal = IsLoopback(HttpContext);
        if (!IsLocal) return StatusCode(StatusCodes.Status403Forbidden);
        (Email, DisplayName) = (email, displayName);
        var created = await admin.CreateAsync(email, displayName, password);
        if (!created.IsValid)
        {
            Errors = created.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await admin.GrantAsync(created.Value!.Id, Role.SystemAdministrator, null);
        await signIn.SignInAsync(created.Value, isPersistent: false);
        return Redirect("/Admin");
    }

    /// <summary>
    /// Loopback, and not relayed: a proxy on the same machine makes every visitor look local, so any sign of one
    /// (a forwarding header, or one the forwarded-headers middleware has already consumed) means no.
    /// </summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && !ProxyHeaders.Any(h => context.Request.Headers.ContainsKey(h));

    private static readonly string[] ProxyHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For", "Via"];
}
