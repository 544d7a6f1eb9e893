using System.Text;
using System.Text.Json;
using Hostnet.Core.Loading;
using Hostnet.Core.Reporting;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Reporting;

public sealed class TextWriterStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    public void Write_InPiecesThatSplitCharacters_DecodesTheWholeText(int pieceBytes)
    {
        const string text = "plain, é, 端口, 🚀 and a quote \" at the end";
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new StringWriter();
        using (var stream = new TextWriterStream(output))
        {
            for (var i = 0; i < bytes.Length; i += pieceBytes)
            {
                stream.Write(bytes, i, Math.Min(pieceBytes, bytes.Length - i));
            }
        }

        output.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData(ReportFormat.Json, "diagnostics")]
    [InlineData(ReportFormat.Sarif, "runs")]
    public void JsonReports_LargerThanOneFlush_AreWholeAndComplete(ReportFormat format, string top)
    {
        // 400 host-network pods without dnsPolicy: far more JSON than the writer holds before it flushes.
        var pods = string.Join("---\n", Enumerable.Range(0, 400).Select(i =>
            $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  namespace: ns\nspec:\n  hostNetwork: true\n  containers:\n  - name: c\n    image: i\n"));
        var files = new[] { new SourceFile("pods.yaml", pods) };
        var report = Fixtures.Check(files);
        using var output = new StringWriter();
        ReportWriters.For(format, colour: false).Write(report, new ReportSources(files), output);

        var text = output.ToString();
        text.Length.ShouldBeGreaterThan(200_000);
        text.ShouldEndWith("}\n");
        using var json = JsonDocument.Parse(text);
        var found = format == ReportFormat.Json
            ? json.RootElement.GetProperty(top).GetArrayLength()
            : json.RootElement.GetProperty(top)[0].GetProperty("results").GetArrayLength();
        found.ShouldBe(report.Diagnostics.Count);
        report.Diagnostics.Count.ShouldBeGreaterThanOrEqualTo(400);
    }
}
