using Hostnet.Core.Loading;

namespace Hostnet.Core.Reporting;

/// <summary>
/// The texts of the checked files, so a report can quote the line a finding points at. Texts are asked for lazily,
/// file by file, when a writer first quotes a line of that file: a large check keeps no text alive, and formats that
/// quote nothing (JSON, SARIF) never split a file into lines.
/// </summary>
public sealed class ReportSources
{
    private readonly Func<string, string?> _text;
    private readonly Dictionary<string, string[]?> _lines = new(StringComparer.Ordinal);

    public static ReportSources None { get; } = new(_ => null);

    public ReportSources(IEnumerable<SourceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            texts[file.Path] = file.Text;
        }

        _text = path => texts.GetValueOrDefault(path);
    }

    /// <param name="text">The text of a file by its reported name, or null when it cannot be had.</param>
    public ReportSources(Func<string, string?> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>The text of a 1-based line without its line ending, or null when unknown.</summary>
    public string? Line(string file, int line)
    {
        if (!_lines.TryGetValue(file, out var lines))
        {
            lines = _text(file)?.Split('\n');
            _lines[file] = lines;
        }

        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : null;
    }
}
