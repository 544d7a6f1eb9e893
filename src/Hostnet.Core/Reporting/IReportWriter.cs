using Hostnet.Core.Analysis;

namespace Hostnet.Core.Reporting;

/// <summary>Writes a check report in one output format.</summary>
public interface IReportWriter
{
    void Write(CheckReport report, ReportSources sources, TextWriter output);
}
