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

    /// <summary>Opens the link and submits answers derived from the seed, with an optional comment on S1; returns the answer page.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> SubmitAsync(string link, int seed, string? comment = null)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var form = await client.GetAsync(link);
        var page = await form.Content.ReadAsStringAsync();
        if (!form.IsSuccessStatusCode) return (form.StatusCode, page);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value)), new("step", "questions"), new("submit", "true"),
        };
        for (var i = 1; i <= Items; i++) fields.Add(new($"S{i}", ((seed + i) % 5).ToString()));
        if (comment is not null) fields.Add(new("comment:S1", comment));
        var response = await client.PostAsync(link, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
