using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    public string? Message { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = SafeReturn(returnUrl);
        var result = await signIn.PasswordSignInAsync(email ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { returnUrl = ReturnUrl });
        Message = result.IsLockedOut
            ? "Kontot är låst en stund efter för många misslyckade inloggningar. Försök igen om 15 minuter."
            : "Fel e-postadress eller lösenord.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string SafeReturn(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}
