using System.Net;
using System.Text.RegularExpressions;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>A browser without a browser: keeps cookies and posts forms with their antiforgery token.</summary>
public sealed partial class WebSession(Uri address)
{
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };

    public async Task<string> GetStringAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fetches the page, takes its antiforgery token, and posts the fields to it (or to action).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await GetStringAsync(pagePath);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"Sidan {pagePath} har inget formulär med antiforgery-token.");
        var all = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Http.PostAsync(action ?? pagePath, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password = RunningApp.Password) =>
        PostFormAsync("/Account/Login", [new("email", email), new("password", password), new("returnUrl", "/")]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
