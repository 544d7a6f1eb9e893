using Hostnet.Core.Reporting;
using Hostnet.Core.Tests.Support;
using Xunit;

namespace Hostnet.Core.Tests.Reporting;

/// <summary>
/// Every output format over one fixed multi-file input (testdata/golden/input/) against its golden file.
/// A rule change that alters a finding shows up here as a diff; accept it with <c>UPDATE_GOLDEN=1 dotnet test</c>.
/// </summary>
public sealed class ReportGoldenTests
{
    public static TheoryData<ReportFormat, string> Formats() => new()
    {
        { ReportFormat.Text, "check.txt" },
        { ReportFormat.Json, "check.json" },
        { ReportFormat.Sarif, "check.sarif" },
        { ReportFormat.Github, "check.github.txt" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_GoldenInput_MatchesGoldenFile(ReportFormat format, string golden)
    {
        Golden.Assert(golden, Render(format));
    }

    internal static string Render(ReportFormat format)
    {
        var files = GoldenInput.Files();
        var report = Fixtures.Check(files);
        using var output = new StringWriter();
        ReportWriters.For(format, colour: false).Write(report, new ReportSources(files), output);
        return output.ToString();
    }
}
