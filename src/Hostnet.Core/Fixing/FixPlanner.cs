using System.Globalization;
using System.Text.Json.Nodes;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.Api;
using Hostnet.Core.Rules.Dns;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Semantics.Dns;
using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Semantics.Schema;

namespace Hostnet.Core.Fixing;

/// <summary>
/// Turns the findings of fixable rules on one document into field edits (RULES.md, the fix column): the nearest valid
/// dnsPolicy (HN001), hostPort = containerPort (HN002), a pod-level field moved from a container to the pod spec or a
/// wrong-case key renamed to the field it spells (HN004), the inferred port declared (HN010), <c>maxSurge: 0</c> and <c>maxUnavailable: 1</c> (HN015, HN016),
/// <c>dnsPolicy: ClusterFirstWithHostNet</c> where the pod shows it resolves cluster names, <c>dnsPolicy: Default</c> (the
/// same resolver it already gets, now on purpose) where it does not (HN030). Suppressed findings and findings without a safe fix yield
/// nothing. When two fixes would write the same field, the first in rule order wins; running the check again on the
/// result finds what is left (<see cref="ManifestFixer"/> repeats until nothing changes).
/// </summary>
public static class FixPlanner
{
    /// <summary>The rules with a fix, in the order their fixes are planned: moves first, since they change what the others see.</summary>
    public static IReadOnlyList<string> FixableRules { get; } =
    [
        MisplacedField.Rule.Id,
        InvalidDnsPolicy.Rule.Id,
        HostNetworkClusterDns.Rule.Id,
        HostPortMismatch.Rule.Id,
        UndeclaredHostListener.Rule.Id,
        DeploymentSurgeHostPorts.Rule.Id,
        DaemonSetSurgeHostPorts.Rule.Id,
    ];

    private static readonly Lazy<HashSet<string>> PodSpecFields = new(ReadPodSpecFields);

    /// <summary>
    /// The edits that repair <paramref name="diagnostics"/>, the findings of <paramref name="document"/>
    /// (<see cref="DocumentFindings.Assign"/> splits a file's findings by document). Empty for kinds without a pod spec.
    /// </summary>
    public static IReadOnlyList<FieldEdit> Plan(ManifestDocument document, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (ObjectReader.Read(document) is not Workload workload)
        {
            return [];
        }

        var fixable = diagnostics
            .Where(d => d.Rule.HasFix && !d.IsSuppressed && d.FieldPath is not null && FixableRules.Contains(d.Rule.Id))
            .ToList();
        var edits = new List<FieldEdit>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in FixableRules)
        {
            var findings = fixable.Where(d => d.Rule.Id == rule).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            foreach (var group in PlanRule(rule, document, workload, findings))
            {
                // A group is all or nothing: a move that cannot add must not remove.
                if (group.Any(e => e is not AppendItem && written.Contains(e.TargetPath)))
                {
                    continue;
                }

                foreach (var edit in group)
                {
                    written.Add(edit.TargetPath);
                    edits.Add(edit);
                }
            }
        }

        return edits;
    }

    private static IEnumerable<IReadOnlyList<FieldEdit>> PlanRule(string rule, ManifestDocument document, Workload workload, List<Diagnostic> findings) => rule switch
    {
        "HN001" => findings.Select(d => DnsPolicySpelling(document, d.FieldPath!)),
        "HN002" => findings.Select(d => HostPortFromContainerPort(document, d.FieldPath!)),
        "HN004" => MisplacedFields(document, workload, findings),
        "HN010" => UndeclaredPorts(document, workload, findings),
        // An HN015 about an apiVersion no longer served is fixed by hand: the new apiVersion needs a selector too.
        "HN015" or "HN016" => findings.Any(d => d.FieldPath != "apiVersion") ? [NoSurge(rule, document, workload)] : [],
        "HN030" => [DnsPolicyFor(document, workload, findings[0])],
        _ => [],
    };

    private static IReadOnlyList<FieldEdit> DnsPolicySpelling(ManifestDocument document, string path)
    {
        if (FieldPaths.Resolve(document.Root, path) is not SourceScalar written || InvalidDnsPolicy.Suggestion(written.Value) is not { } suggestion)
        {
            return [];
        }

        return [new SetField(InvalidDnsPolicy.Rule.Id, path, JsonValue.Create(suggestion))];
    }

    private static IReadOnlyList<FieldEdit> HostPortFromContainerPort(ManifestDocument document, string path)
    {
        const string suffix = ".hostPort";
        if (!path.EndsWith(suffix, StringComparison.Ordinal)
            || FieldPaths.Resolve(document.Root, path[..^suffix.Length] + ".containerPort") is not SourceScalar containerPort
            || !containerPort.TryGetInt64(out var number)
            || number is < 1 or > 65535)
        {
            return [];
        }

        return [new SetField(HostPortMismatch.Rule.Id, path, JsonValue.Create(number))];
    }

    /// <summary>A pod-level field under a container moves to the pod spec; a key in the wrong case gets its spelling.</summary>
    private static IEnumerable<IReadOnlyList<FieldEdit>> MisplacedFields(ManifestDocument document, Workload workload, List<Diagnostic> findings)
    {
        Dictionary<string, string>? spellings = null;
        foreach (var finding in findings)
        {
            var move = PodLevelFieldMove(document, workload, finding.FieldPath!);
            if (move.Count > 0)
            {
                yield return move;
                continue;
            }

            spellings ??= Spellings(document);
            yield return WrongCaseRename(document, finding.FieldPath!, spellings);
        }
    }

    /// <summary>Unknown keys that spell exactly one field of their own struct in another case, by field path.</summary>
    private static Dictionary<string, string> Spellings(ManifestDocument document)
    {
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var violation in StrictDecoder.Check(document))
        {
            if (violation is { Kind: SchemaViolationKind.UnknownField, Spelling: { } spelling })
            {
                spellings.TryAdd(violation.FieldPath, spelling);
            }
        }

        return spellings;
    }

    /// <summary>
    /// <c>hostnetwork:</c> (or <c>HostNetwork:</c>) becomes <c>hostNetwork:</c> when that is the only field of the struct
    /// it spells and the mapping does not already have it: strict decoding matches field names case-sensitively.
    /// </summary>
    private static IReadOnlyList<FieldEdit> WrongCaseRename(ManifestDocument document, string path, Dictionary<string, string> spellings)
    {
        var key = FieldPaths.Steps(path)[^1];
        if (!spellings.TryGetValue(path, out var spelling) || !path.EndsWith(key, StringComparison.Ordinal))
        {
            return [];
        }

        var parent = path.Length == key.Length ? string.Empty : path[..^(key.Length + 1)];
        return FieldPaths.Resolve(document.Root, parent) is SourceMapping mapping && mapping[spelling] is null
            ? [new RenameField(MisplacedField.Rule.Id, parent, key, spelling)]
            : [];
    }

    /// <summary>A pod-spec field written under a container (<c>containers[0].hostNetwork</c>) moves to the pod spec, unless the pod spec says otherwise.</summary>
    private static IReadOnlyList<FieldEdit> PodLevelFieldMove(ManifestDocument document, Workload workload, string path)
    {
        var steps = FieldPaths.Steps(path);
        if (steps.Count < 3 || steps[^3] is not ("containers" or "initContainers" or "ephemeralContainers"))
        {
            return [];
        }

        var key = steps[^1];
        var specPath = workload.Spec.Path;
        if (!PodSpecFields.Value.Contains(key) || !FieldPaths.Steps(specPath).SequenceEqual(steps.Take(steps.Count - 3)))
        {
            return [];
        }

        var containerPath = FieldPaths.Item(FieldPaths.Child(specPath, steps[^3]), int.Parse(steps[^2], CultureInfo.InvariantCulture));
        if (FieldPaths.Resolve(document.Root, path) is not { } node || JsonValues.From(node) is not { } value)
        {
            return [];
        }

        var remove = new RemoveField(MisplacedField.Rule.Id, containerPath, key);
        var existing = FieldPaths.Resolve(document.Root, FieldPaths.Child(specPath, key));
        if (existing is null)
        {
            return [remove, new AddField(MisplacedField.Rule.Id, specPath, key, value)];
        }

        return JsonValues.From(existing) is { } current && JsonNode.DeepEquals(current, value) ? [remove] : [];
    }

    /// <summary>Each undeclared listener becomes a port of the container with the evidence, named as the evidence suggests.</summary>
    private static IEnumerable<IReadOnlyList<FieldEdit>> UndeclaredPorts(ManifestDocument document, Workload workload, List<Diagnostic> findings)
    {
        var paths = findings.Select(d => d.FieldPath!).ToHashSet(StringComparer.Ordinal);
        var undeclared = new PodListeners(workload.Spec).Undeclared
            .Where(u => !u.ContradictsDeclaredPorts && paths.Contains(u.Listener.FieldPath));
        foreach (var container in undeclared.GroupBy(u => u.Container))
        {
            var names = container.Key.Ports.Select(p => p.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var items = new List<JsonNode>();
            foreach (var listener in container.Select(u => u.Listener))
            {
                var item = new JsonObject();
                if (listener.Name is { } name && names.Add(name))
                {
                    item["name"] = name;
                }

                item["containerPort"] = listener.Port;
                if (listener.Protocol != "TCP")
                {
                    item["protocol"] = listener.Protocol;
                }

                items.Add(item);
            }

            var portsPath = FieldPaths.Child(container.Key.Path, "ports");
            var rule = UndeclaredHostListener.Rule.Id;
            yield return FieldPaths.Resolve(document.Root, portsPath) switch
            {
                SourceSequence => [.. items.Select(item => new AppendItem(rule, portsPath, item))],
                null when FieldPaths.Resolve(document.Root, container.Key.Path) is SourceMapping => [new AddField(rule, container.Key.Path, "ports", new JsonArray([.. items]))],
                _ => [],
            };
        }
    }

    /// <summary>
    /// <c>maxSurge: 0</c>, and <c>maxUnavailable: 1</c> unless a non-zero value is written: old pods then free their node
    /// (or port) before new ones need it.
    /// </summary>
    private static IReadOnlyList<FieldEdit> NoSurge(string rule, ManifestDocument document, Workload workload)
    {
        var strategyPath = workload.Strategy?.Path ?? (workload.Kind == "DaemonSet" ? "spec.updateStrategy" : "spec.strategy");
        var keepUnavailable = workload.Strategy?.MaxUnavailable?.Scale(100, roundUp: true) is > 0;
        var rolling = new JsonObject { ["maxSurge"] = 0 };
        if (!keepUnavailable)
        {
            rolling["maxUnavailable"] = 1;
        }

        var strategy = FieldPaths.Resolve(document.Root, strategyPath);
        if (strategy is null)
        {
            // Beside replicas, or the selector, where people write the strategy; otherwise last.
            var spec = document.Root["spec"] as SourceMapping;
            var after = Array.Find(["replicas", "selector"], key => spec?[key] is not null);
            return [new AddField(rule, "spec", FieldPaths.Steps(strategyPath)[^1], new JsonObject { ["rollingUpdate"] = rolling }, after)];
        }

        if (strategy is not SourceMapping strategyMapping)
        {
            return [];
        }

        var rollingPath = FieldPaths.Child(strategyPath, "rollingUpdate");
        return strategyMapping["rollingUpdate"] switch
        {
            null => [new AddField(rule, strategyPath, "rollingUpdate", rolling)],
            SourceScalar { IsNull: true, Value.Length: > 0 } => [new SetField(rule, rollingPath, rolling)],
            SourceMapping written => [.. rolling.Select(entry => SetOrAdd(rule, written, rollingPath, entry.Key, entry.Value!))],
            _ => [],
        };
    }

    /// <summary>
    /// The finding's own fix decides: <c>ClusterFirstWithHostNet</c> only where HN030 found the pod using cluster names,
    /// since it makes the pod depend on cluster DNS (a bootstrap loop for a CNI agent); <c>Default</c> otherwise.
    /// </summary>
    private static IReadOnlyList<FieldEdit> DnsPolicyFor(ManifestDocument document, Workload workload, Diagnostic finding)
    {
        var spec = workload.Spec.Path;
        if (FieldPaths.Resolve(document.Root, spec) is not SourceMapping specMapping)
        {
            return [];
        }

        var policy = finding.Fix == HostNetworkClusterDns.UseClusterDnsFix ? DnsPolicy.ClusterFirstWithHostNet : DnsPolicy.Default;
        return [SetOrAdd(HostNetworkClusterDns.Rule.Id, specMapping, spec, "dnsPolicy", JsonValue.Create(policy), after: "hostNetwork")];
    }

    private static FieldEdit SetOrAdd(string rule, SourceMapping mapping, string mappingPath, string key, JsonNode value, string? after = null) =>
        mapping[key] is null
            ? new AddField(rule, mappingPath, key, value.DeepClone(), after)
            : new SetField(rule, FieldPaths.Child(mappingPath, key), value.DeepClone());

    private static HashSet<string> ReadPodSpecFields() =>
        ApiSchema.Default.TryGetRoot("v1", "Pod", out var pod) && pod.Fields.TryGetValue("spec", out var spec) && spec.Struct is { } podSpec
            ? [.. podSpec.Fields.Keys]
            : [];
}
