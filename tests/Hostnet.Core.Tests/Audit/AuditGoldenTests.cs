using Hostnet.Core.Reporting;
using Hostnet.Core.Tests.Support;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

/// <summary>The three formats of the audit of testdata/audit/cluster.yaml against golden files (UPDATE_GOLDEN=1 accepts a change).</summary>
public sealed class AuditGoldenTests
{
    [Fact]
    public void Text_MatchesGolden() => Golden.Assert("audit.txt", Render(o => AuditTextWriter.Write(AuditFixtures.Audit("cluster.yaml"), o, colour: false)));

    [Fact]
    public void Json_MatchesGolden() => Golden.Assert("audit.json", Render(o => AuditJsonWriter.Write(AuditFixtures.Audit("cluster.yaml"), o)));

    [Fact]
    public void Html_MatchesGolden() => Golden.Assert("audit.html", Render(o => AuditHtmlWriter.Write(AuditFixtures.Audit("cluster.yaml"), o)));

    private static string Render(Action<TextWriter> write)
    {
        using var output = new StringWriter();
        write(output);
        return output.ToString();
    }
}
