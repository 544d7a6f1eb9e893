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

    [Theory]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Sarif)]
    public void JsonReports_IntoAUtf8File_AreTheBytesOfTheGeneralPath(ReportFormat format)
    {
        // A file's StreamWriter gets the JSON writer's bytes directly; any other writer through TextWriterStream.
        // Non-ASCII names and messages, and more than one flush, so every kind of byte and a split character is met.
        var pods = string.Join("---\n", Enumerable.Range(0, 300).Select(i =>
            $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  namespace: ns\n  annotations:\n    note: \"端口 é 🚀 {i}\"\nspec:\n  hostNetwork: true\n  containers:\n  - name: c\n    image: i\n    ports:\n    - containerPort: 80\n      name: wéb\n"));
        var files = new[] { new SourceFile("pods-é.yaml", pods) };
        var report = Fixtures.Check(files);
        var writer = ReportWriters.For(format, colour: false);
        var general = new MemoryStream();
        using (var text = new StreamWriter(general, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1024, leaveOpen: true))
        {
            // A BOM-writing encoder keeps the general path: the direct one is for files without a preamble.
            writer.Write(report, new ReportSources(files), text);
        }

        var path = Path.Combine(Path.GetTempPath(), $"hostnet-json-{Guid.NewGuid():N}.json");
        try
        {
            using (var file = new StreamWriter(path))
            {
                writer.Write(report, new ReportSources(files), file);
            }

            var direct = File.ReadAllBytes(path);
            direct.Length.ShouldBeGreaterThan(100_000);
            direct.ShouldBe(general.ToArray()[Encoding.UTF8.Preamble.Length..]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
