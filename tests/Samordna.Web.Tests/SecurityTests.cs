using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Hosting;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Security headers, session lifetime and CSRF protection of every form, checked on the running app.</summary>
public sealed partial class SecurityTests : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await app.CreateUserAsync("chef@test.se", Role.SystemAdministrator);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_HSTS_only_behind_HTTPS()
    {
        foreach (var path in new[] { "/Account/Login", "/finns-inte", "/api/v1/associations", "/health" })
        {
            var response = await app.Client().GetAsync(path);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Contains("no-store", Header(response, "Cache-Control"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{path} skickade HSTS över http");
        }

        // A proxy on this machine that terminated HTTPS: HSTS, and the sign-in cookie only over HTTPS.
        var proxied = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await app.Client().SendAsync(proxied);
        Assert.Equal("max-age=31536000", Header(secure, "Strict-Transport-Security"));
        Assert.All(secure.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var plain = await app.Client().GetAsync("/Account/Login");
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));

    }

    [Fact]
    public async Task The_sign_in_cookie_is_a_session_cookie_that_slides_for_30_idle_minutes_within_12_hours()
    {
        var browser = app.Session();
        var login = await browser.LoginAsync("chef@test.se");
        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samordna="));
        Assert.DoesNotContain("expires=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);

        var cookie = browser.Cookies.GetCookies(app.Address)["samordna"]!.Value;
        var format = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var ticket = format.Unprotect(cookie)!;
        Assert.Equal(TimeSpan.FromMinutes(30), ticket.Properties.ExpiresUtc - ticket.Properties.IssuedUtc);
        Assert.True(ticket.Properties.Items.ContainsKey(SessionLifetime.SignedInItem));

        // The same ticket, signed in 11 hours ago, is still good; 13 hours ago it is refused however fresh its sliding part.
        foreach (var (hours, expected) in new[] { (11, HttpStatusCode.OK), (13, HttpStatusCode.Redirect) })
        {
            ticket.Properties.Items[SessionLifetime.SignedInItem] = DateTimeOffset.UtcNow.AddHours(-hours).ToString("O");
            var aged = new HttpRequestMessage(HttpMethod.Get, "/Account/Me");
            aged.Headers.Add("Cookie", "samordna=" + format.Protect(ticket));
            var response = await app.Client().SendAsync(aged);
            Assert.Equal(expected, response.StatusCode);
            if (expected == HttpStatusCode.Redirect) Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Every_form_handler_refuses_a_post_without_its_antiforgery_token()
    {
        var browser = app.Session();
        await browser.LoginAsync("chef@test.se");
        var handlers = await PostHandlersAsync();
        Assert.Contains(handlers, h => h.StartsWith("/Account/Login"));
        Assert.Contains(handlers, h => h.StartsWith("/s/"));
        Assert.True(handlers.Count >= 15, $"bara {handlers.Count} POST-hanterare hittades");

        var accepted = new List<string>();
        foreach (var path in handlers)
        {
            // Signed in as system administrator, so authorization lets every request through to the form check.
            var response = await browser.Http.PostAsync(path, new FormUrlEncodedContent([new("email", "chef@test.se"), new("password", RunningApp.Password)]));
            var body = await response.Content.ReadAsStringAsync();
            // Participant pages refuse even the system administrator (identity is for assigned registrars only): the
            // request is turned away before the form is read, which refuses it just as well.
            var deniedFirst = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true;
            if (!deniedFirst && (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("Begäran kunde inte tolkas"))) accepted.Add($"{path}: {(int)response.StatusCode}");
        }
        Assert.True(accepted.Count == 0, "Tog emot POST utan antiforgery-token: " + string.Join(", ", accepted));
    }

    [Fact]
    public async Task The_api_ignores_the_sign_in_cookie_so_no_other_site_can_drive_it()
    {
        var browser = app.Session();
        await browser.LoginAsync("chef@test.se");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/Admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/v1/associations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.PostAsync("/api/v1/associations", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    /// <summary>Every POST handler of every Razor page, as a concrete path (route values 1 or "x", ?handler=Name).</summary>
    private async Task<List<string>> PostHandlersAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var paths = new List<string>();
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var path = "/" + RouteParameter().Replace(page.AttributeRouteInfo!.Template!, m => m.Groups[2].Value.Contains("int") ? "1" : "x");
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                paths.Add(handler.Name is null ? path : $"{path}?handler={handler.Name}");
        }
        return paths.Distinct().ToList();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
