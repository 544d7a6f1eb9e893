using System.Text.Encodings.Web;
using System.Text.Json;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Reporting;

/// <summary>The JSON format documented in docs/json-output.md: stable property order, no timestamps.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public void Write(CheckReport report, ReportSources sources, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
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
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("rule", diagnostic.Rule.Id);
        json.WriteString("slug", diagnostic.Rule.Slug);
        json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", diagnostic.Message);
        WriteNullable(json, "fix", diagnostic.Fix);
        json.WriteString("file", diagnostic.File);
        json.WriteNumber("line", diagnostic.Position.Line);
        json.WriteNumber("column", diagnostic.Position.Column);
        WriteNullable(json, "kind", diagnostic.Object?.Kind);
        WriteNullable(json, "namespace", diagnostic.Object?.Namespace);
        WriteNullable(json, "name", diagnostic.Object?.Name);
        WriteNullable(json, "field", diagnostic.FieldPath);
        json.WriteBoolean("suppressed", diagnostic.IsSuppressed);
        WriteNullable(json, "suppressionReason", diagnostic.Suppression);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
