using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>A system administrator resets another person's lost second factor; it is audited and ends their sessions.</summary>
public sealed class TwoFactorResetTests : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("chef@test.se", Role.SystemAdministrator);
        await app.CreateUserAsync("per@test.se");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task TurnOnTwoFactorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
    }

    /// <summary>
    /// A sign-in cookie for the person as they are now, issued two minutes ago: old enough that the next request
    /// checks the security stamp, as any session will within a minute.
    /// </summary>
    private async Task<string> SessionCookieAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(email))!);
        var properties = new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow.AddMinutes(-2), ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(20) };
        properties.Items[Samordna.Web.Hosting.SessionLifetime.SignedInItem] = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O");
        var format = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        return "samordna=" + format.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme));
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await app.Client().SendAsync(request);
    }

    [Fact]
    public async Task The_reset_turns_two_factor_off_ends_the_persons_sessions_and_is_audited()
    {
        // Per turned on two-factor, is signed in on one computer, and loses the phone.
        await TurnOnTwoFactorAsync("per@test.se");
        Assert.StartsWith("/Account/LoginWith2fa", (await app.Session().LoginAsync("per@test.se")).Headers.Location!.OriginalString);
        var perSession = await SessionCookieAsync("per@test.se");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/Account/Me", perSession)).StatusCode);

        var chef = app.Session();
        await chef.LoginAsync("chef@test.se");
        var reset = await chef.PostFormAsync("/Admin", [new("email", "per@test.se")], "/Admin?handler=ResetTwoFactor");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Tvåstegsverifieringen för per@test.se är avstängd", await reset.Content.ReadAsStringAsync());

        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "per@test.se"));
        Assert.False(user.TwoFactorEnabled);
        Assert.False(await app.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == user.Id && t.Name == "RecoveryCodes")));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Session().LoginAsync("per@test.se")).StatusCode);
        Assert.Equal("/", (await app.Session().LoginAsync("per@test.se")).Headers.Location!.OriginalString);

        Assert.Contains("/Account/Login", (await GetWithCookieAsync("/Account/Me", perSession)).Headers.Location!.OriginalString);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(AppUser) && a.EntityKey == user.Id && a.Changes.Contains("TwoFactorEnabled")).ToListAsync());
        Assert.Contains(audit, a => a.Actor == "chef@test.se" && a.Changes.Contains("[true,false]"));
    }

    [Fact]
    public async Task Only_a_system_administrator_may_reset_and_not_their_own()
    {
        await TurnOnTwoFactorAsync("chef@test.se");
        await app.CreateUserAsync("anna@test.se", Role.SystemAdministrator);
        var anna = app.Session();
        await anna.LoginAsync("anna@test.se");
        await TurnOnTwoFactorAsync("anna@test.se");
        var own = await anna.PostFormAsync("/Admin", [new("email", "anna@test.se")], "/Admin?handler=ResetTwoFactor");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("Ditt eget andra steg", await own.Content.ReadAsStringAsync());
        var nobody = await anna.PostFormAsync("/Admin", [new("email", "per@test.se")], "/Admin?handler=ResetTwoFactor");
        Assert.Contains("har ingen tvåstegsverifiering", await nobody.Content.ReadAsStringAsync());

        var per = app.Session();
        await per.LoginAsync("per@test.se");
        var token = await anna.FormTokenAsync("/Admin");
        var refused = await per.Http.PostAsync("/Admin?handler=ResetTwoFactor", new FormUrlEncodedContent([new("email", "chef@test.se"), new("__RequestVerificationToken", token)]));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "chef@test.se").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}
