using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        var cleaned = (code ?? "").Trim().Replace(" ", "");
        // Six digits come from the app; anything else is tried as a one-time recovery code.
        var result = cleaned.Length == 6 && cleaned.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(cleaned, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(cleaned);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        Message = result.IsLockedOut
            ? "Kontot är låst en stund efter för många misslyckade försök. Försök igen om 15 minuter."
            : "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och skriv den senaste koden.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
