namespace Hostnet.Core.Reporting;

/// <summary>One writer per format.</summary>
public static class ReportWriters
{
    public static IReportWriter For(ReportFormat format, bool colour) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        _ => new TextReportWriter(colour),
    };
}
