using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hostnet.Core.Audit;
using Hostnet.Core.Reporting;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

/// <summary>
/// The HTML map with the node agents' reports (testdata/audit/listeners/): the page is parsed, and each cell's mark is
/// found through the map's geometry (its column header above it, its node label beside it), not through its own title.
/// </summary>
public sealed partial class AuditHtmlListenerMarksTests
{
    private static readonly Dictionary<(string Node, string Port), string?> Marks = MarksOf(Render(AuditFixtures.Audit("cluster.yaml", AgentListenersTests.Reports())));

    [Theory]
    [InlineData("node-1", "80/TCP", "daemon")] // the node daemon "nginx" holds the ingress pod's hostPort (HN062)
    [InlineData("node-1", "443/TCP", "declared-not-listening")]
    [InlineData("node-1", "9100/TCP", "declared-listening")]
    [InlineData("node-1", "9256/TCP", "listening-undeclared")] // node_exporter's second port, declared by no container (HN060)
    [InlineData("node-2", "80/TCP", "daemon")]
    [InlineData("node-2", "9100/TCP", "declared-not-listening")]
    [InlineData("node-2", "8444/TCP", "listening-undeclared")]
    [InlineData("node-2", "9300/TCP", "listening-undeclared")]
    public void Cell_CarriesWhatTheAgentSaw(string node, string port, string mark) => Marks[(node, port)].ShouldBe(mark);

    [Fact]
    public void UnreportedNodes_AndUnusedPorts_HaveNoMark()
    {
        Marks.Where(m => m.Key.Node == "cp-1").ShouldAllBe(m => m.Value == null);
        Marks[("node-1", "8444/TCP")].ShouldBeNull();
        Marks[("node-1", "31080/TCP")].ShouldBeNull("an inferred listener nothing listens on is not declared");
        // The daemon ports no pod uses (sshd's 22) are not columns: the map is the pods' host ports.
        Marks.Keys.ShouldNotContain(k => k.Port == "22/TCP");
    }

    [Fact]
    public void EachMark_HasAGlyphAndWords_NotOnlyAColour()
    {
        var html = Render(AuditFixtures.Audit("cluster.yaml", AgentListenersTests.Reports()));
        var legend = Legend().Match(html);
        legend.Success.ShouldBeTrue();
        legend.Value.ShouldContain("<b>✓</b> declared and listening");
        legend.Value.ShouldContain("<b>✗</b> declared, nothing listens");
        legend.Value.ShouldContain("<b>!</b> a pod listens without declaring it");
        legend.Value.ShouldContain("<b>D</b> held by a node daemon");

        var svg = Svg(html);
        foreach (var rect in svg.Descendants("rect").Where(r => r.Attribute("data-listening") is not null))
        {
            // The glyph is drawn over the cell, and the cell's tooltip says it in words.
            var glyph = ((XElement)rect.NextNode!).ShouldNotBeNull();
            glyph.Attribute("class")!.Value.ShouldBe("mark");
            glyph.Attribute("x")!.Value.ShouldBe((Int(rect, "x") + 10).ToString(CultureInfo.InvariantCulture));
            rect.Element("title")!.Value.ShouldContain(rect.Attribute("data-listening")!.Value switch
            {
                "declared-listening" => "declared and listening",
                "declared-not-listening" => "declared, nothing listens",
                "listening-undeclared" => "a pod listens without declaring it",
                _ => "held by a node daemon",
            });
        }
    }

    [Fact]
    public void WithoutListeners_ThePageHasNoMark()
    {
        var html = Render(AuditFixtures.Audit("cluster.yaml"));
        html.ShouldNotContain("data-listening");
        html.ShouldNotContain("listening-legend");
        // The agents' undeclared ports are columns only with their reports.
        MarksOf(html).Keys.ShouldNotContain(k => k.Port == "9256/TCP");
    }

    [Fact]
    public void Html_WithListeners_MatchesGolden() =>
        Golden.Assert("audit-listeners.html", Render(AuditFixtures.Audit("cluster.yaml", AgentListenersTests.Reports())));

    private static string Render(AuditReport report)
    {
        using var output = new StringWriter();
        AuditHtmlWriter.Write(report, output);
        return output.ToString();
    }

    private static XElement Svg(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        return RemoveNamespace(XElement.Parse(html[start..end]));
    }

    private static XElement RemoveNamespace(XElement svg)
    {
        foreach (var element in svg.DescendantsAndSelf())
        {
            element.Name = element.Name.LocalName;
        }

        return svg;
    }

    /// <summary>Every cell's mark (null: none), by the node label of its row and the header of its column.</summary>
    private static Dictionary<(string Node, string Port), string?> MarksOf(string html)
    {
        var svg = Svg(html);
        var texts = svg.Elements("text").ToArray();
        var columns = texts.Where(t => t.Attribute("transform") is not null)
            .ToDictionary(t => int.Parse(Translate().Match(t.Attribute("transform")!.Value).Groups[1].Value, CultureInfo.InvariantCulture) - 14, t => t.Value);
        var rows = texts.Where(t => t.Attribute("class") is null && t.Attribute("y") is not null)
            .ToDictionary(t => Int(t, "y") - 15, t => t.Element("title")!.Value);
        return svg.Elements("rect").ToDictionary(r => (rows[Int(r, "y")], columns[Int(r, "x")]), r => r.Attribute("data-listening")?.Value);
    }

    private static int Int(XElement element, string attribute) => int.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^translate\((\d+),")]
    private static partial Regex Translate();

    [GeneratedRegex("<p class=\"legend\" id=\"listening-legend\">.*</p>")]
    private static partial Regex Legend();
}
