using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Samordna.Web.Hosting;

/// <summary>The "Samordna:Sessions" section: how long a sign-in lasts (docs/operations.md).</summary>
public sealed class SessionOptions
{
    /// <summary>Signed out after this long without a request (the cookie slides while in use).</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Signed out this long after signing in, however active (sliding never extends past it).</summary>
    public int AbsoluteHours { get; set; } = 12;
}

/// <summary>
/// OWASP ASVS 4.0 level 2 (3.3.2) asks for a new sign-in after 30 minutes idle or 12 hours in all. The cookie
/// carries the moment of sign-in through every renewal; a cookie older than the absolute limit is refused.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInItem = "samordna.signedInUtc";

    public static void Configure(CookieAuthenticationOptions cookie, SessionOptions session)
    {
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, session.IdleMinutes));
        cookie.SlidingExpiration = true;
        var absolute = TimeSpan.FromHours(Math.Max(1, session.AbsoluteHours));

        var signingIn = cookie.Events.OnSigningIn;
        cookie.Events.OnSigningIn = async context =>
        {
            // A refresh (after turning on two-factor, or a security-stamp check) keeps the original moment.
            context.Properties.Items.TryAdd(SignedInItem, context.Options.TimeProvider!.GetUtcNow().ToString("O"));
            await signingIn(context);
        };

        var validate = cookie.Events.OnValidatePrincipal; // Identity's security-stamp check
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var now = context.Options.TimeProvider!.GetUtcNow();
            if (!context.Properties.Items.TryGetValue(SignedInItem, out var at) || !DateTimeOffset.TryParse(at, out var signedIn)
                || now - signedIn > absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validate(context);
        };
    }
}
