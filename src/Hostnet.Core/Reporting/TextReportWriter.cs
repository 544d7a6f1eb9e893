using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Reporting;

/// <summary>
/// The human format: findings grouped by file, each with the source line and a caret under the column, the fix,
/// then a summary line. Colour only when asked (the CLI asks on a terminal without NO_COLOR).
/// </summary>
internal sealed class TextReportWriter(bool colour) : IReportWriter
{
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Dim = "\e[2m";

    public void Write(CheckReport report, ReportSources sources, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var file in report.Diagnostics.GroupBy(d => d.File))
        {
            output.Write(Paint(file.Key, Bold));
            output.Write('\n');
            foreach (var diagnostic in file)
            {
                WriteOne(diagnostic, sources, output);
            }

            output.Write('\n');
        }

        output.Write(Summary(report));
        output.Write('\n');
    }

    public static string Summary(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suppressed = report.Diagnostics.Count(d => d.IsSuppressed);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{Plural(report.Files, "file")}, {Plural(report.Objects, "object")}: {Plural(report.Count(Severity.Error), "error")}, {Plural(report.Count(Severity.Warning), "warning")}, {Plural(report.Count(Severity.Info), "info")}");
        return suppressed == 0 ? text : text + string.Create(CultureInfo.InvariantCulture, $" ({suppressed} suppressed)");
    }

    internal static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 || noun == "info" ? string.Empty : "s")}");

    /// <summary>One finding: position, severity, rule and object, then message, quoted line, fix and suppression.</summary>
    /// <param name="note">Said after the object, e.g. <c>(observed)</c>; null for nothing.</param>
    internal void WriteOne(Diagnostic diagnostic, ReportSources sources, TextWriter output, string? note = null)
    {
        var (label, paint) = diagnostic.Severity switch
        {
            Severity.Error => ("error", "\e[31m"),
            Severity.Warning => ("warning", "\e[33m"),
            _ => ("info", "\e[36m"),
        };
        var position = diagnostic.Position;
        output.Write(string.Create(CultureInfo.InvariantCulture, $"  {position.Line}:{position.Column} "));
        output.Write(Paint($"{label} {diagnostic.Rule.Id}", paint));
        output.Write(Paint($" [{diagnostic.Rule.Slug}]", Dim));
        if (diagnostic.Object is { } subject)
        {
            output.Write($" {subject}");
        }

        if (note is not null)
        {
            output.Write(Paint($" {note}", Dim));
        }

        output.Write('\n');
        output.Write($"    {diagnostic.Message}\n");
        if (sources.Line(diagnostic.File, position.Line) is { } line)
        {
            var gutter = position.Line.ToString(CultureInfo.InvariantCulture);
            output.Write(Paint($"    {gutter} | ", Dim));
            output.Write(line);
            output.Write('\n');
            output.Write(new string(' ', 4 + gutter.Length + 3 + Math.Max(0, position.Column - 1)));
            output.Write(Paint("^", paint));
            output.Write('\n');
        }

        if (diagnostic.Fix is { } fix)
        {
            output.Write($"    fix: {fix}\n");
        }

        if (diagnostic.Suppression is { } reason)
        {
            output.Write(Paint($"    suppressed: {reason}\n", Dim));
        }
    }

    private string Paint(string text, string code) => colour ? code + text + Reset : text;
}
