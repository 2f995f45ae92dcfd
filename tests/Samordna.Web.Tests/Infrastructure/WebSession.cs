using System.Net;
using System.Text.RegularExpressions;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>A browser without a browser: keeps cookies and posts forms with their antiforgery token.</summary>
public sealed partial class WebSession
{
    private readonly Uri address;

    public WebSession(Uri address)
    {
        this.address = address;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = address };
    }

    public CookieContainer Cookies { get; } = new();
    public HttpClient Http { get; }

    /// <summary>The same person's browser pointed at another server (e.g. a second instance behind a load balancer).</summary>
    public WebSession On(Uri other)
    {
        var moved = new WebSession(other);
        foreach (Cookie cookie in Cookies.GetCookies(address)) moved.Cookies.Add(other, new Cookie(cookie.Name, cookie.Value));
        return moved;
    }

    public async Task<string> GetStringAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fetches the page, takes its antiforgery token, and posts the fields to it (or to action).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? action = null) =>
        await Http.PostAsync(action ?? pagePath, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", await FormTokenAsync(pagePath)))));

    /// <summary>The antiforgery token of the page's form (its cookie is now in this session).</summary>
    public async Task<string> FormTokenAsync(string pagePath)
    {
        var token = AntiforgeryToken().Match(await GetStringAsync(pagePath));
        Assert.True(token.Success, $"Sidan {pagePath} har inget formulär med antiforgery-token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password = RunningApp.Password) =>
        PostFormAsync("/Account/Login", [new("email", email), new("password", password), new("returnUrl", "/")]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
