using System.Text.Json;
using System.Text.RegularExpressions;
using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>
/// examples/README.md states what <c>hostnet check</c> finds in each example ("HN030 (warning) on line 22"); this
/// runs the check and compares, so the page cannot drift from the tool.
/// </summary>
public sealed partial class ExamplesReadmeTests : IDisposable
{
    private static readonly string Examples = Path.Combine(RepositoryPaths.Root, "examples");

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Examples, "*.yaml").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_CheckFindings_AreTheOnesTheReadmeStates(string file)
    {
        var entry = Entries().GetValueOrDefault(file);
        entry.ShouldNotBeNull($"examples/README.md has no entry for {file}");
        var stated = FindingPattern().Matches(entry).Select(m => $"{m.Groups["rule"].Value} ({m.Groups["severity"].Value}) on line {m.Groups["line"].Value}").Order(StringComparer.Ordinal).ToList();

        var result = _sandbox.Run("check", Path.Combine(Examples, file), "--format", "json", "--fail-on", "none");
        var found = JsonDocument.Parse(result.Output).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("rule").GetString()} ({d.GetProperty("severity").GetString()}) on line {d.GetProperty("line").GetInt32()}")
            .Order(StringComparer.Ordinal)
            .ToList();

        found.ShouldBe(stated, $"examples/README.md says of {file}: {entry}");
    }

    /// <summary>Each bullet of the page, by the file it names.</summary>
    private static Dictionary<string, string> Entries() =>
        File.ReadAllLines(Path.Combine(Examples, "README.md"))
            .Select(line => EntryPattern().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["file"].Value, m => m.Groups["text"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^- \[`(?<file>[^`]+)`\]\([^)]+\) — (?<text>.*)$")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"(?<rule>HN\d{3}) \((?<severity>error|warning|info)\) on line (?<line>\d+)")]
    private static partial Regex FindingPattern();
}
