using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>First administrator, sign-in, lockout and TOTP two-factor, through the real pages.</summary>
public sealed partial class AccountTests : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task First_administrator_is_offered_only_on_localhost_and_only_while_there_are_no_accounts()
    {
        var session = app.Session();
        var start = await session.Http.GetAsync("/");
        Assert.Equal("/Setup", start.Headers.Location!.OriginalString);

        var proxied = new HttpRequestMessage(HttpMethod.Get, "/Setup");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var remote = await session.Http.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
        Assert.DoesNotContain("name=\"password\"", await remote.Content.ReadAsStringAsync());

        var weak = await session.PostFormAsync("/Setup", [new("email", "chef@forbund.se"), new("password", "kort")]);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("Lösenordet är för kort", await weak.Content.ReadAsStringAsync());

        var created = await session.PostFormAsync("/Setup", [new("email", "chef@forbund.se"), new("displayName", "Chef"), new("password", RunningApp.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/Admin")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Session().Http.GetAsync("/Setup")).StatusCode);
        var isAdmin = await app.WithDbAsync(async db =>
        {
            var user = db.Users.Single(u => u.Email == "chef@forbund.se");
            return db.RoleAssignments.Any(r => r.UserId == user.Id && r.Role == Role.SystemAdministrator);
        });
        Assert.True(isAdmin);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await app.CreateUserAsync("anna@test.se", Role.SystemAdministrator);
        var session = app.Session();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await session.LoginAsync("anna@test.se", "fel lösenord igen");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var right = await session.LoginAsync("anna@test.se");
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Kontot är låst", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await session.Http.GetAsync("/Account/Me")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_sign_in_requires_the_TOTP_code_once_enabled()
    {
        await app.CreateUserAsync("per@test.se", Role.SystemAdministrator);
        var session = app.Session();
        await session.LoginAsync("per@test.se");
        var setup = await session.GetStringAsync("/Account/TwoFactor");
        var key = KeyPattern().Match(setup).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));

        var wrong = await session.PostFormAsync("/Account/TwoFactor", [new("code", "000000")], "/Account/TwoFactor?handler=Enable");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var enabled = await session.PostFormAsync("/Account/TwoFactor", [new("code", Totp.Code(key, DateTimeOffset.UtcNow))], "/Account/TwoFactor?handler=Enable");
        Assert.Contains("nu påslagen", await enabled.Content.ReadAsStringAsync());

        var fresh = app.Session();
        var password = await fresh.LoginAsync("per@test.se");
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.Http.GetAsync("/Account/Me")).StatusCode);

        var badCode = await fresh.PostFormAsync("/Account/LoginWith2fa", [new("code", "123456"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        var goodCode = await fresh.PostFormAsync("/Account/LoginWith2fa", [new("code", Totp.Code(key, DateTimeOffset.UtcNow)), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.Redirect, goodCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Http.GetAsync("/Account/Me")).StatusCode);

        // A recovery code works once instead of the app's code.
        var recovery = RecoveryCodePattern().Match(await enabled.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(recovery));
        var phoneLost = app.Session();
        await phoneLost.LoginAsync("per@test.se");
        Assert.Equal(HttpStatusCode.Redirect, (await phoneLost.PostFormAsync("/Account/LoginWith2fa", [new("code", recovery), new("returnUrl", "/")])).StatusCode);
        var again = app.Session();
        await again.LoginAsync("per@test.se");
        Assert.Equal(HttpStatusCode.BadRequest, (await again.PostFormAsync("/Account/LoginWith2fa", [new("code", recovery), new("returnUrl", "/")])).StatusCode);

        // Turning it off needs the password.
        var refused = await fresh.PostFormAsync("/Account/TwoFactor", [new("password", "fel lösenord här")], "/Account/TwoFactor?handler=Disable");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "per@test.se").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Opening_the_two_factor_page_keeps_the_session_valid()
    {
        // The page makes an authenticator key on first visit, which changes the security stamp. The stamp check
        // (every minute) would then end the session unless the page refreshed the sign-in: the cookie must carry
        // the new stamp.
        await app.CreateUserAsync("stina@test.se", Role.SystemAdministrator);
        var session = app.Session();
        await session.LoginAsync("stina@test.se");
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/Account/TwoFactor")).StatusCode);

        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "stina@test.se").Select(u => u.SecurityStamp).SingleAsync());
        var cookie = session.Cookies.GetCookies(session.Http.BaseAddress!).Single(c => c.Name == "samordna");
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(cookie.Value);
        Assert.NotNull(ticket);
        var claimType = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        Assert.Equal(stamp, ticket.Principal.FindFirst(claimType)?.Value);
    }

    [Fact]
    public async Task Pages_are_Swedish_by_default_and_English_on_request()
    {
        await app.CreateUserAsync("eva@test.se", Role.SystemAdministrator);
        var session = app.Session();
        await session.LoginAsync("eva@test.se");
        var swedish = await session.GetStringAsync("/Associations");
        Assert.Contains("<html lang=\"sv\">", swedish);
        Assert.Contains("Förbund och ekonomi", swedish);

        await session.PostFormAsync("/Associations", [new("culture", "en-GB"), new("returnUrl", "/Associations")], "/Language");
        var english = await session.GetStringAsync("/Associations");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Associations and money", english);

        var signedOut = await session.PostFormAsync("/Associations", [], "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/Account/Login", (await session.Http.GetAsync("/Account/Me")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_capability_is_built_and_the_old_placeholder_is_gone()
    {
        await app.CreateUserAsync("olle@test.se", Role.SystemAdministrator);
        var session = app.Session();
        await session.LoginAsync("olle@test.se");
        Assert.Contains("Jämförelse av förbund", await session.GetStringAsync("/Reports"));
        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync("/Capabilities/reports")).StatusCode); // built now: /Reports
    }

    [Fact]
    public async Task Unknown_pages_get_a_Swedish_page_and_unknown_api_paths_problem_details()
    {
        await app.CreateUserAsync("nils@test.se", Role.SystemAdministrator);
        var session = app.Session();
        await session.LoginAsync("nils@test.se");
        var page = await session.Http.GetAsync("/Associations/4711");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Sidan finns inte", await page.Content.ReadAsStringAsync());

        var api = await app.Client(await app.TokenForAsync("nils@test.se")).GetAsync("/api/v1/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Hittades inte", await api.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
