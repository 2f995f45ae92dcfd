using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Accounts;

/// <summary>Turns TOTP two-factor sign-in on and off for the signed-in person.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string OtpAuthUri { get; private set; } = "";
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync(await users.GetUserAsync(User) ?? throw new InvalidOperationException());

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        var cleaned = (code ?? "").Replace(" ", "").Replace("-", "");
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await signIn.RefreshSignInAsync(user);
            (Message, Failed) = ("Tvåstegsverifiering är nu påslagen.", false);
        }
        else
        {
            (Message, Failed) = ("Koden stämmer inte. Skriv den senaste koden från appen.", true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Turning it off asks for the password, so a session left open cannot remove the second factor.</summary>
    public async Task<IActionResult> OnPostDisableAsync(string? password)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            (Message, Failed) = ("Lösenordet stämmer inte. Tvåstegsverifieringen är fortfarande påslagen.", true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        (Message, Failed) = ("Tvåstegsverifiering är avstängd.", false);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: refresh this sign-in, or the stamp check a minute later ends it.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        FormattedKey = string.Join(" ", key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        OtpAuthUri = $"otpauth://totp/Samordna:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Samordna&digits=6";
    }
}
