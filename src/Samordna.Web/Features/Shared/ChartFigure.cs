using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace Samordna.Web.Features.Shared;

public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);

/// <summary>What wwwroot/js/charts.js draws with the vendored chart.js: horizontal bars, one or more series.</summary>
public sealed record ChartSpec(string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string Unit, double? Max);

/// <summary>
/// A chart as progressive enhancement: the server draws the first series as SVG (<see cref="SvgCharts"/>), which is
/// what shows without script, and puts the numbers in a JSON data block that charts.js turns into an interactive
/// chart. A data block is not executed, so the CSP (script-src 'self') needs no exception. The page always shows the
/// numbers in a table as well.
/// </summary>
public static class ChartFigure
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IHtmlContent Bars(ChartSpec spec)
    {
        var first = spec.Series.Count == 0 ? [] : spec.Labels.Select((label, i) => (label, spec.Series[0].Values[i])).ToList();
        var max = spec.Max ?? Math.Max(1, spec.Series.SelectMany(s => s.Values).Max(v => v ?? 0));
        // The default encoder escapes <, > and &, so the text cannot end the script element.
        var data = JsonSerializer.Serialize(spec, Json);
        return new HtmlString(
            "<figure class=\"chart-figure\">" +
            SvgCharts.Bars(spec.Title + (spec.Series.Count > 1 ? $" ({spec.Series[0].Label})" : ""), first, max, spec.Unit).ToHtmlString() +
            $"<script type=\"application/json\" class=\"chart-data\">{data}</script>" +
            $"<figcaption>{WebUtility.HtmlEncode(spec.Title)}. Talen finns i tabellen.</figcaption></figure>");
    }

    private static string ToHtmlString(this IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
