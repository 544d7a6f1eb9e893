using System.Text.Json;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Reporting;

/// <summary>The JSON format documented in docs/json-output.md: stable property order, no timestamps.</summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public void Write(CheckReport report, ReportSources sources, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
                JsonOutput.FlushWhenLarge(json);
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files);
            json.WriteNumber("objects", report.Objects);
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("infos", report.Count(Severity.Info));
            json.WriteNumber("suppressed", report.Diagnostics.Count(d => d.IsSuppressed));
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        WriteFields(json, diagnostic);
        json.WriteEndObject();
    }

    /// <summary>A finding's members, inside an object the caller opens (the audit adds its own after them).</summary>
    internal static void WriteFields(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteString("rule", diagnostic.Rule.Id);
        json.WriteString("slug", diagnostic.Rule.Slug);
        json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", diagnostic.Message);
        JsonOutput.WriteNullable(json, "fix", diagnostic.Fix);
        json.WriteString("file", diagnostic.File);
        json.WriteNumber("line", diagnostic.Position.Line);
        json.WriteNumber("column", diagnostic.Position.Column);
        JsonOutput.WriteNullable(json, "kind", diagnostic.Object?.Kind);
        JsonOutput.WriteNullable(json, "namespace", diagnostic.Object?.Namespace);
        JsonOutput.WriteNullable(json, "name", diagnostic.Object?.Name);
        JsonOutput.WriteNullable(json, "field", diagnostic.FieldPath);
        json.WriteBoolean("suppressed", diagnostic.IsSuppressed);
        JsonOutput.WriteNullable(json, "suppressionReason", diagnostic.Suppression);
    }
}
