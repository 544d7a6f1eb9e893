namespace Hostnet.Core.Reporting;

/// <summary>One writer per format.</summary>
public static class ReportWriters
{
    public static IReportWriter For(ReportFormat format, bool colour) => format switch
    {
        ReportFormat.Text => new TextReportWriter(colour),
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(),
        ReportFormat.Github => new GithubReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}
