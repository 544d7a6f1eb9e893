using System.Globalization;
using System.Security;
using System.Text;
using Hostnet.NetBench.Results;

namespace Hostnet.NetBench.Rendering;

/// <summary>
/// The report as an SVG chart: for each datapath a bar at the median single-stream throughput and one at the median
/// p50 latency, each with a whisker from the smallest to the largest run, so the noise is as visible as the bars.
/// </summary>
internal static class BenchSvgWriter
{
    private const int LabelWidth = 110;
    private const int PanelWidth = 300;
    private const int PanelGap = 40;
    private const int RowHeight = 26;
    private const int Top = 50;

    public static string Render(BenchReport report)
    {
        var height = Top + (report.Rows.Count * RowHeight) + 30;
        var width = LabelWidth + (2 * PanelWidth) + PanelGap + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>hostnet bench: {Escape(report.Engine)}, median of {report.Repeat} runs, whiskers from min to max</title>\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        Panel(svg, report, LabelWidth, "throughput, Gbit/s (one stream)", r => r.Gbps, "#4878a8");
        Panel(svg, report, LabelWidth + PanelWidth + PanelGap, "latency p50, ms", r => r.LatencyP50Ms, "#c06040");
        for (var i = 0; i < report.Rows.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{Top + (i * RowHeight) + 16}\" text-anchor=\"end\">{Escape(report.Rows[i].Mode)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, BenchReport report, int left, string title, Func<ModeResult, Spread> measure, string colour)
    {
        var scale = report.Rows.Max(r => measure(r).Max);
        double X(double value) => left + (scale <= 0 ? 0 : value / scale * (PanelWidth - 50));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{Top - 20}\" font-weight=\"bold\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{Top - 6}\" x2=\"{left}\" y2=\"{Top + (report.Rows.Count * RowHeight)}\" stroke=\"#888\"/>\n");
        for (var i = 0; i < report.Rows.Count; i++)
        {
            var spread = measure(report.Rows[i]);
            var y = Top + (i * RowHeight);
            var middle = y + 10;
            svg.Append(string.Create(CultureInfo.InvariantCulture,
                $"<rect x=\"{left}\" y=\"{y + 2}\" width=\"{X(spread.Median) - left:0.#}\" height=\"16\" fill=\"{colour}\"><title>{Escape(report.Rows[i].Mode)}: {spread.Median:0.###} ({spread.Min:0.###}–{spread.Max:0.###})</title></rect>\n"));
            svg.Append(string.Create(CultureInfo.InvariantCulture,
                $"<path d=\"M{X(spread.Min):0.#} {middle}H{X(spread.Max):0.#}M{X(spread.Min):0.#} {middle - 5}V{middle + 5}M{X(spread.Max):0.#} {middle - 5}V{middle + 5}\" stroke=\"black\" fill=\"none\"/>\n"));
            svg.Append(string.Create(CultureInfo.InvariantCulture,
                $"<text x=\"{X(spread.Max) + 6:0.#}\" y=\"{middle + 4}\">{spread.Median:0.###}</text>\n"));
        }
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
