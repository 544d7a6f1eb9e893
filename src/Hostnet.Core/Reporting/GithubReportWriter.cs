using System.Globalization;
using System.Text;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Reporting;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error</c>/<c>::warning</c>/<c>::notice</c> line per unsuppressed finding,
/// which GitHub shows as an annotation on the file and line, then the summary line.
/// Escaping follows @actions/core (toolkit packages/core/src/command.ts, escapeData and escapeProperty).
/// </summary>
internal sealed class GithubReportWriter : IReportWriter
{
    public void Write(CheckReport report, ReportSources sources, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var diagnostic in report.Diagnostics.Where(d => !d.IsSuppressed))
        {
            output.Write(Command(diagnostic));
            output.Write('\n');
        }

        output.Write(TextReportWriter.Summary(report));
        output.Write('\n');
    }

    /// <summary>
    /// One workflow command. Standard input has no file in the repository to annotate, so its position goes into the
    /// message instead.
    /// </summary>
    public static string Command(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var name = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var position = diagnostic.Position;
        var text = FindingText.WithFix(diagnostic);
        var command = new StringBuilder("::").Append(name).Append(' ');
        if (diagnostic.File == "-")
        {
            text = string.Create(CultureInfo.InvariantCulture, $"{SarifReportWriter.StandardInputUri}:{position.Line}:{position.Column}: {text}");
        }
        else
        {
            command.Append("file=").Append(EscapeProperty(diagnostic.File))
                .Append(CultureInfo.InvariantCulture, $",line={position.Line},col={position.Column},");
        }

        return command.Append("title=").Append(EscapeProperty($"{diagnostic.Rule.Id} {diagnostic.Rule.Slug}"))
            .Append("::").Append(EscapeData(text)).ToString();
    }

    public static string EscapeData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
