using System.Text.Json;
using Microsoft.Playwright;

namespace Samordna.Browser.Tests;

/// <summary>axe-core (vendored, see vendor/) run in a page: the WCAG 2.1 A and AA rules.</summary>
public static class Axe
{
    private static readonly string Source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe-core-4.14.1", "axe.min.js"));

    public sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, string[] Targets)
    {
        public bool Serious => Impact is "serious" or "critical";
        public override string ToString() => $"[{Impact}] {Id}: {Help} ({HelpUrl})\n    " + string.Join("\n    ", Targets);
    }

    /// <summary>The page's violations. The context must bypass CSP: the app rightly refuses injected scripts.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = Source });
        var json = await page.EvaluateAsync<string>("""
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.flat().join(' ')),
                })));
            }
            """);
        return JsonSerializer.Deserialize<Violation[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
