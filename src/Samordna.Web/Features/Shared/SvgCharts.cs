using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Samordna.Web.Features.Shared;

/// <summary>
/// Charts drawn on the server as SVG: no script, so the page keeps its strict CSP and works everywhere.
/// Every chart is an image with a text alternative, and every page that shows one shows its numbers in a table.
/// </summary>
public static class SvgCharts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Horizontal bars, one per label, of values between 0 and max; a null value is drawn as missing.</summary>
    /// <param name="labelWidth">room for the labels, wider for long answer options.</param>
    public static IHtmlContent Bars(string title, IReadOnlyList<(string Label, double? Value)> bars, double max, string unit, int labelWidth = 190)
    {
        const int barWidth = 380, rowHeight = 28;
        var height = bars.Count * rowHeight + 10;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {labelWidth + barWidth + 70} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 5 + i * rowHeight;
            svg.Append($"<text x=\"{labelWidth - 8}\" y=\"{y + 18}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1b1b\">{Encode(label)}</text>");
            svg.Append($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{barWidth}\" height=\"18\" fill=\"#eef1f5\" stroke=\"#6b6b6b\" stroke-width=\"0.5\"/>");
            if (value is { } v)
            {
                var w = Math.Max(0, Math.Min(1, v / max)) * barWidth;
                svg.Append($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{w.ToString("0.#", Invariant)}\" height=\"18\" fill=\"#0b4f8a\"/>");
                svg.Append($"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 18}\" font-size=\"13\" fill=\"#1b1b1b\">{Encode(v.ToString("0", CultureInfo.CurrentCulture) + unit)}</text>");
            }
            else svg.Append($"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 18}\" font-size=\"13\" fill=\"#1b1b1b\">–</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A radar ("spindeldiagram") of one or more series over the same axes, scaled 0..max.</summary>
    public static IHtmlContent Radar(string title, IReadOnlyList<string> axes, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series, double max)
    {
        const double size = 460, centre = size / 2, radius = 150;
        string[] colours = ["#0b4f8a", "#a4001d", "#1e6b2f"];
        string[] dashes = ["", "6 4", "2 3"];
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart radar\" role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {size} {size}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        (double X, double Y) Point(int axis, double fraction)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * axis / axes.Count;
            return (centre + radius * fraction * Math.Cos(angle), centre + radius * fraction * Math.Sin(angle));
        }
        string Coordinates(IEnumerable<(double X, double Y)> points) => string.Join(" ", points.Select(p => $"{p.X.ToString("0.#", Invariant)},{p.Y.ToString("0.#", Invariant)}"));

        for (var ring = 1; ring <= max; ring++)
            svg.Append($"<polygon points=\"{Coordinates(Enumerable.Range(0, axes.Count).Select(a => Point(a, ring / max)))}\" fill=\"none\" stroke=\"#c8c8c8\"/>");
        for (var a = 0; a < axes.Count; a++)
        {
            var (x, y) = Point(a, 1);
            var (lx, ly) = Point(a, 1.18);
            svg.Append($"<line x1=\"{centre}\" y1=\"{centre}\" x2=\"{x.ToString("0.#", Invariant)}\" y2=\"{y.ToString("0.#", Invariant)}\" stroke=\"#c8c8c8\"/>");
            svg.Append($"<text x=\"{lx.ToString("0.#", Invariant)}\" y=\"{ly.ToString("0.#", Invariant)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1b1b1b\">{Encode(axes[a])}</text>");
        }
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Values.Select((v, a) => Point(a, (v ?? 0) / max));
            svg.Append($"<polygon points=\"{Coordinates(points)}\" fill=\"none\" stroke=\"{colours[s % colours.Length]}\" stroke-width=\"2.5\" stroke-dasharray=\"{dashes[s % dashes.Length]}\"/>");
            svg.Append($"<text x=\"10\" y=\"{20 + 18 * s}\" font-size=\"13\" fill=\"{colours[s % colours.Length]}\">{Encode((s == 0 ? "━ " : s == 1 ? "╍ " : "┈ ") + series[s].Name)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
