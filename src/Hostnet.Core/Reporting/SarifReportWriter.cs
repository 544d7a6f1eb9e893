using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules;

namespace Hostnet.Core.Reporting;

/// <summary>
/// SARIF 2.1.0 (OASIS), as GitHub code scanning and other viewers read it: one run, every catalogue rule in the driver,
/// one result per finding, suppressed findings kept with an in-source suppression. Deterministic: no timestamps, no
/// absolute paths, no GUIDs.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string InformationUri = "https://github.com/hostnet-dev/hostnet";

    /// <summary>The partial fingerprint's name; the version changes only if what is hashed changes.</summary>
    public const string FingerprintName = "hostnetFinding/v1";

    /// <summary>The artifact URI of standard input (<c>-</c> on the command line).</summary>
    public const string StandardInputUri = "stdin";

    /// <summary>The product version without the <c>+commit</c> suffix the SDK appends, so reports do not change per commit.</summary>
    public static string ToolVersion { get; } =
        (typeof(SarifReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public void Write(CheckReport report, ReportSources sources, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // Rules outside the catalogue (a checker run with custom rules) are appended so every ruleIndex resolves.
        var rules = RuleCatalog.Descriptors.Concat(report.Diagnostics.Select(d => d.Rule)).DistinctBy(r => r.Id).ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);

        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteResult(json, diagnostic, ruleIndex[diagnostic.Rule.Id], Fingerprint(diagnostic, occurrences));
                JsonOutput.FlushWhenLarge(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>The artifact URI of a file as given: forward slashes, each segment percent-encoded; <c>-</c> is <c>stdin</c>.</summary>
    public static string ArtifactUri(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file == "-"
            ? StandardInputUri
            : string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "hostnet");
        json.WriteString("version", ToolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Slug);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri.AbsoluteUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Rule.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", FindingText.WithFix(diagnostic));
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(diagnostic.File));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", diagnostic.Position.Line);
        json.WriteNumber("startColumn", diagnostic.Position.Column);
        json.WriteEndObject();
        json.WriteEndObject();
        if (diagnostic.Object is { } subject)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            if (subject.Name is not null)
            {
                json.WriteString("name", subject.Name);
            }

            json.WriteString("fullyQualifiedName", subject.ToString());
            json.WriteString("kind", "object");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintName, fingerprint);
        json.WriteEndObject();

        // An empty array says "checked, not suppressed"; an absent one would mean "unknown" (SARIF 2.1.0 §3.27.23).
        json.WriteStartArray("suppressions");
        if (diagnostic.Suppression is { } reason)
        {
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteString("justification", reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// A hash of what the finding is about, not where: rule, file, object and field, so moving lines keeps the
    /// alert's identity. Findings that share all four are numbered in report order (<c>hash:1</c>, <c>hash:2</c>).
    /// </summary>
    private static string Fingerprint(Diagnostic diagnostic, Dictionary<string, int> occurrences)
    {
        var identity = string.Join('\n', diagnostic.Rule.Id, diagnostic.File, diagnostic.Object?.ToString() ?? string.Empty, diagnostic.FieldPath ?? string.Empty);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
        var count = occurrences.GetValueOrDefault(hash) + 1;
        occurrences[hash] = count;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{hash}:{count}");
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
