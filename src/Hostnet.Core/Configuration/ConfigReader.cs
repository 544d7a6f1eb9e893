using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Configuration;

/// <summary>
/// Reads <c>.hostnet.yaml</c>:
/// <code>
/// kubeVersion: "1.30"
/// defaultNamespace: default
/// rules: {HN017: off, HN030: error}
/// reservedPorts:
///   - {port: 9100, protocol: TCP, owner: node-exporter on the host, severity: warning}
///   - {port: "7000-7100", owner: our agents}
/// </code>
/// Unknown keys and bad values are problems with a position, never exceptions.
/// </summary>
public static class ConfigReader
{
    public static HostnetConfig Read(SourceFile file, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        var root = new ManifestLoader().Parse(file, problems);
        if (root is null || root is SourceScalar { IsNull: true })
        {
            return HostnetConfig.Empty;
        }

        if (root is not SourceMapping mapping)
        {
            problems.Add(new InputProblem(file.Path, root.Position, "the configuration must be a mapping"));
            return HostnetConfig.Empty;
        }

        var config = HostnetConfig.Empty;
        foreach (var entry in mapping.Entries)
        {
            var key = entry.KeyScalar();
            config = ReadKey(config, file, key, entry.Value, problems) ?? Unknown(file, key, problems, config, KnownKeys);
        }

        return config;
    }

    /// <summary>The keys of <c>.hostnet.yaml</c>, for messages about unknown keys.</summary>
    public const string KnownKeys = "kubeVersion, defaultNamespace, rules, reservedPorts";

    /// <summary>
    /// Applies one <c>.hostnet.yaml</c> key to <paramref name="config"/>; null when the key is not one of
    /// <see cref="KnownKeys"/>, so that files extending the format (the webhook policy) can read their own keys.
    /// </summary>
    public static HostnetConfig? ReadKey(HostnetConfig config, SourceFile file, SourceScalar key, SourceNode value, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(key);
        return key.Value switch
        {
            "kubeVersion" => config with { KubeVersion = ReadVersion(file, value, problems) },
            "defaultNamespace" => config with { DefaultNamespace = (value as SourceScalar)?.Value },
            "rules" => config with { Rules = ReadRules(file, value, problems) },
            "reservedPorts" => config with { ReservedPorts = ReadPorts(file, value, problems) },
            _ => null,
        };
    }

    /// <summary>Parses a rule level: off, info, warning or error.</summary>
    public static bool TryParseLevel(string text, out RuleLevel level) =>
        Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level);

    private static HostnetConfig Unknown(SourceFile file, SourceScalar key, List<InputProblem> problems, HostnetConfig config, string known)
    {
        problems.Add(new InputProblem(file.Path, key.Position, $"unknown configuration key \"{key.Value}\" (known: {known})"));
        return config;
    }

    private static KubeVersion? ReadVersion(SourceFile file, SourceNode value, List<InputProblem> problems)
    {
        if (value is SourceScalar scalar && KubeVersion.TryParse(scalar.Value, out var version))
        {
            if (version >= KubeVersion.Oldest)
            {
                return version;
            }

            problems.Add(new InputProblem(file.Path, value.Position, $"kubeVersion {version} is older than {KubeVersion.Oldest}, the oldest release whose behaviour hostnet mirrors"));
            return null;
        }

        problems.Add(new InputProblem(file.Path, value.Position, "kubeVersion must look like \"1.30\""));
        return null;
    }

    private static Dictionary<string, RuleLevel> ReadRules(SourceFile file, SourceNode value, List<InputProblem> problems)
    {
        var levels = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
        if (value is not SourceMapping mapping)
        {
            problems.Add(new InputProblem(file.Path, value.Position, "rules must map rule IDs to off, info, warning or error"));
            return levels;
        }

        foreach (var entry in mapping.Entries)
        {
            var (key, level) = (entry.KeyScalar(), entry.Value);
            var rule = RuleCatalog.Find(key.Value);
            if (rule is null)
            {
                problems.Add(new InputProblem(file.Path, key.Position, $"unknown rule \"{key.Value}\" (see hostnet rules)"));
            }
            else if (rule.Id == Analysis.InvalidInput.Descriptor.Id)
            {
                problems.Add(new InputProblem(file.Path, key.Position, $"{rule.Id} reports unreadable input and cannot be configured"));
            }
            else if (level is SourceScalar scalar && TryParseLevel(scalar.Value, out var parsed))
            {
                levels[rule.Id] = parsed;
            }
            else
            {
                problems.Add(new InputProblem(file.Path, level.Position, $"the level of {rule.Id} must be off, info, warning or error"));
            }
        }

        return levels;
    }

    private static List<NodeReservedPort> ReadPorts(SourceFile file, SourceNode value, List<InputProblem> problems)
    {
        var ports = new List<NodeReservedPort>();
        if (value is not SourceSequence sequence)
        {
            problems.Add(new InputProblem(file.Path, value.Position, "reservedPorts must be a list"));
            return ports;
        }

        foreach (var item in sequence.Items)
        {
            var entry = item as SourceMapping;
            var range = (entry?["port"] as SourceScalar)?.Value;
            if (entry is null || range is null || !PortRange.TryParse(range, out var reserved))
            {
                problems.Add(new InputProblem(file.Path, item.Position, "each reserved port needs port: N or port: \"FROM-TO\" (1-65535)"));
                continue;
            }

            var severityText = (entry["severity"] as SourceScalar)?.Value ?? "warning";
            var severity = Enum.TryParse<Severity>(severityText, ignoreCase: true, out var parsed) ? parsed : Severity.Warning;
            ports.Add(new NodeReservedPort(
                reserved.From,
                reserved.To,
                (entry["protocol"] as SourceScalar)?.Value.ToUpperInvariant() ?? "TCP",
                (entry["owner"] as SourceScalar)?.Value ?? "reserved in .hostnet.yaml",
                severity));
        }

        return ports;
    }
}
