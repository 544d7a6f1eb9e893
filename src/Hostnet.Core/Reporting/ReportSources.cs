using Hostnet.Core.Loading;

namespace Hostnet.Core.Reporting;

/// <summary>The texts of the checked files, so a report can quote the line a finding points at.</summary>
public sealed class ReportSources
{
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public static ReportSources None { get; } = new([]);

    public ReportSources(IEnumerable<SourceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            _lines[file.Path] = file.Text.Split('\n');
        }
    }

    /// <summary>The text of a 1-based line without its line ending, or null when unknown.</summary>
    public string? Line(string file, int line) =>
        _lines.TryGetValue(file, out var lines) && line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : null;
}
