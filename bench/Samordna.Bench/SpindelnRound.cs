using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Samordna.Bench;

/// <summary>
/// What the HTTP benchmarks share: a Spindeln round with a register and one personal link per respondent, and a
/// respondent who opens the link (form and antiforgery token) and submits the nine answers.
/// </summary>
public static partial class SpindelnRound
{
    public const int Items = 9; // S1–S9, one answer row each

    /// <summary>An association (organisation number from the nine digits given), its round, the register and the links.</summary>
    public static Task<(int Round, List<string> Links)> PrepareAsync(IServiceProvider services, string address, int respondents, string name, string organisationBody)
    {
        var register = new StringBuilder("email\n");
        for (var i = 0; i < respondents; i++) register.Append($"person{i}@bench.se\n");
        return RoundSetup.PrepareAsync(services, address, name, organisationBody, "spindeln", ["2180"], register.ToString());
    }

    /// <summary>
    /// A client for many respondents, as a browser keeps its connection open: connections are reused across
    /// submissions, and cookies are not kept between them (each respondent carries only their own form cookie).
    /// </summary>
    public static HttpClient SharedClient(int connections) => new(new SocketsHttpHandler
    {
        UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = connections,
    }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Opens the link and submits answers on a connection of its own (as after a server restart), with an optional comment on S1.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> SubmitAsync(string link, int seed, string? comment = null)
    {
        using var client = SharedClient(1);
        return await SubmitAsync(client, link, seed, comment);
    }

    /// <summary>Opens the link and submits answers derived from the seed, with an optional comment on S1; returns the answer page.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> SubmitAsync(HttpClient client, string link, int seed, string? comment = null)
    {
        using var form = await client.GetAsync(link);
        var page = await form.Content.ReadAsStringAsync();
        if (!form.IsSuccessStatusCode) return (form.StatusCode, page);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value)), new("step", "questions"), new("submit", "true"),
        };
        for (var i = 1; i <= Items; i++) fields.Add(new($"S{i}", ((seed + i) % 5).ToString()));
        if (comment is not null) fields.Add(new("comment:S1", comment));
        using var post = new HttpRequestMessage(HttpMethod.Post, link) { Content = new FormUrlEncodedContent(fields) };
        // The form's cookie (the antiforgery cookie) goes back with the post, as a browser sends it.
        if (form.Headers.TryGetValues("Set-Cookie", out var cookies))
            post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using var response = await client.SendAsync(post);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
