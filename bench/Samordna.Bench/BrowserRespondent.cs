using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Samordna.Bench;

/// <summary>The kinds of request a respondent's browser makes, each timed on its own.</summary>
public enum PageKind { Start, Step, Submit, Stylesheet }

/// <summary>One timed request: its kind, how long it took until the whole body was read, and an error if it went wrong.</summary>
public sealed record PageTiming(PageKind Kind, double Milliseconds, string? Error);

/// <summary>
/// A respondent answering through their personal link the way a browser does: one connection with a cookie jar,
/// the page and then its stylesheet (sent with no-store, so fetched again on every page), and the form posted with
/// every field the page holds: the antiforgery token, the hidden step, an answer to each question (sometimes left
/// blank), one or two units, the comment boxes (rarely filled in) and the pressed button. Stops at the first error.
/// </summary>
public sealed partial class BrowserRespondent(Random random)
{
    /// <summary>Answers the survey behind the link, pausing about <paramref name="thinkMilliseconds"/> on each page before going on.</summary>
    public async Task WalkAsync(string link, Action<PageTiming> record, int thinkMilliseconds = 0)
    {
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            { Timeout = TimeSpan.FromSeconds(60) };
        var page = await RequestAsync(client, link, PageKind.Start, () => client.GetAsync(link), "screening", record);
        while (page is not null)
        {
            var step = Hidden(page, "step");
            var kind = step == "questions" ? PageKind.Submit : PageKind.Step;
            var expect = step switch { "screening" => "units", "units" => "questions", _ => null };
            if (thinkMilliseconds > 0) await Task.Delay(thinkMilliseconds / 2 + random.Next(thinkMilliseconds));
            page = await RequestAsync(client, link, kind, () => client.PostAsync(link, new FormUrlEncodedContent(Answer(page, step))), expect, record);
            if (kind == PageKind.Submit) return;
        }
    }

    /// <summary>Sends, reads the whole answer and checks it is the page expected next (a form at that step, or the thanks); fetches its stylesheets.</summary>
    private static async Task<string?> RequestAsync(HttpClient client, string link, PageKind kind, Func<Task<HttpResponseMessage>> send, string? expectedStep, Action<PageTiming> record)
    {
        var watch = Stopwatch.StartNew();
        string? error;
        string page = "";
        try
        {
            using var response = await send();
            page = await response.Content.ReadAsStringAsync();
            error = response.StatusCode != HttpStatusCode.OK ? $"{(int)response.StatusCode} {Summary(page)}"
                : expectedStep is null ? (page.Contains("Tack! Dina svar är sparade.") ? null : $"ingen tacksida: {Summary(page)}")
                : Hidden(page, "step") == expectedStep ? null : $"väntade steget {expectedStep}: {Summary(page)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }
        record(new PageTiming(kind, watch.Elapsed.TotalMilliseconds, error));
        if (error is not null) return null;

        foreach (Match stylesheet in StylesheetPattern().Matches(page))
        {
            watch.Restart();
            try
            {
                using var css = await client.GetAsync(new Uri(new Uri(link), stylesheet.Groups[1].Value));
                await css.Content.ReadAsByteArrayAsync();
                error = css.StatusCode == HttpStatusCode.OK ? null : $"{(int)css.StatusCode} stilmall";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }
            record(new PageTiming(PageKind.Stylesheet, watch.Elapsed.TotalMilliseconds, error));
            if (error is not null) return null;
        }
        return page;
    }

    /// <summary>The fields a browser posts for this page, with the respondent's choices.</summary>
    private List<KeyValuePair<string, string>> Answer(string page, string? step)
    {
        page = SurveyForm(page);
        var fields = new List<KeyValuePair<string, string>>();
        var choices = new Dictionary<(string Type, string Name), List<string>>();
        foreach (Match input in InputPattern().Matches(page))
        {
            var attributes = Attributes(input.Value);
            var type = attributes.GetValueOrDefault("type", "text");
            if (!attributes.TryGetValue("name", out var name)) continue;
            var value = attributes.GetValueOrDefault("value", "");
            if (type == "hidden") fields.Add(new(name, value));
            else if (type is "radio" or "checkbox")
            {
                if (!choices.TryGetValue((type, name), out var values)) choices[(type, name)] = values = [];
                values.Add(value);
            }
        }
        foreach (var ((type, name), values) in choices)
        {
            if (step == "screening") fields.Add(new(name, values.Contains("ja") ? "ja" : values[0])); // everyone here works with others
            else if (name == "units") fields.AddRange(values.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).Select(v => KeyValuePair.Create(name, v)));
            else if (type == "checkbox") fields.AddRange(values.Where(_ => random.Next(3) == 0).Select(v => KeyValuePair.Create(name, v)));
            else if (random.Next(20) > 0) fields.Add(new(name, values[random.Next(values.Count)])); // one in twenty left blank
        }
        foreach (Match textarea in TextareaPattern().Matches(page))
            fields.Add(new(WebUtility.HtmlDecode(textarea.Groups[1].Value), random.Next(50) == 0 ? "Samverkan fungerar bättre i år." : ""));
        foreach (Match button in ButtonPattern().Matches(page))
            fields.Add(new(WebUtility.HtmlDecode(button.Groups[1].Value), WebUtility.HtmlDecode(button.Groups[2].Value)));
        return fields;
    }

    private static string? Hidden(string page, string name) =>
        InputPattern().Matches(SurveyForm(page)).Select(m => Attributes(m.Value))
            .FirstOrDefault(a => a.GetValueOrDefault("type") == "hidden" && a.GetValueOrDefault("name") == name)?.GetValueOrDefault("value");

    /// <summary>The survey's form in the main content (the layout has forms of its own, such as the language choice).</summary>
    private static string SurveyForm(string page) => FormPattern().Match(MainPattern().Match(page).Value).Value;

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    private static string Summary(string page)
    {
        var text = WhitespacePattern().Replace(TagPattern().Replace(MainPattern().Match(page) is { Success: true } main ? main.Value : page, " "), " ").Trim();
        return text[..Math.Min(text.Length, 160)];
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("([a-zA-Z_:-]+)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<textarea\\b[^>]*\\bname=\"([^\"]+)\"")]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("<button\\b[^>]*\\bname=\"([^\"]+)\"[^>]*\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetPattern();

    [GeneratedRegex("<main\\b.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainPattern();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespacePattern();
}
