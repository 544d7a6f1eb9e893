using System.Text.RegularExpressions;
using Hostnet.Core.Reporting;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

public sealed partial class AuditHtmlWriterTests
{
    private static readonly string Html = Render();

    [Fact]
    public void HostileNames_AreEscaped()
    {
        Html.ShouldContain("deny-&lt;script&gt;alert(1)&lt;/script&gt;");
        Html.ShouldNotContain("<script>alert(1)");
        // The page's one script is its own.
        ScriptTag().Count(Html).ShouldBe(1);
    }

    [Fact]
    public void Page_IsSelfContained()
    {
        // Only the SVG namespace names a URL (replaced in Render); no stylesheet, script or image is fetched.
        Html.ShouldNotContain("http://", Case.Insensitive);
        Html.ShouldNotContain("https://", Case.Insensitive);
        Html.ShouldNotContain(" src=", Case.Insensitive);
    }

    [Fact]
    public void Map_DrawsTheClashInTheClashColour()
    {
        var clash = ClashRect().Match(Html);
        clash.Success.ShouldBeTrue();
        clash.Value.ShouldContain($"fill=\"{AuditHtmlWriter.ClashColour}\"");
        clash.Value.ShouldContain("9100/TCP on node-1: default/Pod/debug-shell and monitoring/DaemonSet/node-exporter (clash) (inferred)");
    }

    private static string Render()
    {
        using var output = new StringWriter();
        AuditHtmlWriter.Write(AuditFixtures.Audit("cluster.yaml"), output);
        return output.ToString().Replace("http://www.w3.org/2000/svg", "svg-namespace", StringComparison.Ordinal);
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<rect class=\"clash\"[^>]*><title>[^<]*</title></rect>")]
    private static partial Regex ClashRect();
}
