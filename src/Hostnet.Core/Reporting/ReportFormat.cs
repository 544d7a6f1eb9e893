namespace Hostnet.Core.Reporting;

/// <summary>The output formats of <c>hostnet check</c>.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Github,
}
