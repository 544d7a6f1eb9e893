using Hostnet.Core.Audit;

namespace Hostnet.Core.Reporting;

/// <summary>The audit report in each of <c>hostnet audit --format</c>'s formats: text (the default), json, html.</summary>
public static class AuditWriters
{
    public static void Write(AuditReport report, string format, bool colour, TextWriter output)
    {
        switch (format)
        {
            case "json":
                AuditJsonWriter.Write(report, output);
                break;
            case "html":
                AuditHtmlWriter.Write(report, output);
                break;
            default:
                AuditTextWriter.Write(report, output, colour);
                break;
        }
    }
}
