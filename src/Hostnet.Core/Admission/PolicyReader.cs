using Hostnet.Core.Configuration;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Admission;

/// <summary>
/// Reads the webhook's policy file: every <c>.hostnet.yaml</c> key (<see cref="ConfigReader"/>) plus
/// <code>
/// mode: enforce                    # enforce | warn | dryrun
/// actions: {HN030: deny, HN017: audit, host-port-out-of-range: warn}   # deny | warn | audit | off
/// hostNetwork:                     # who may use host networking (absent: anybody)
///   namespaces: [kube-system, monitoring]
///   serviceAccounts: [monitoring/node-exporter]
///   images: ["quay.io/prometheus/node-exporter:*"]
/// hostPorts:                       # who may use host ports (absent: anybody), and which
///   namespaces: [ingress]
///   ranges: {ingress: [80, 443], "*": ["20000-20999"]}
/// mutations: [HN030, HN015, HN016] # the fixes /mutate applies
/// </code>
/// Unknown keys and bad values are problems with a position, never exceptions, as in <see cref="ConfigReader"/>.
/// </summary>
public static class PolicyReader
{
    private const string KnownKeys = ConfigReader.KnownKeys + ", mode, actions, hostNetwork, hostPorts, mutations";

    public static WebhookPolicy Read(SourceFile file, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        var root = new ManifestLoader().Parse(file, problems);
        if (root is null || root is SourceScalar { IsNull: true })
        {
            if (problems.Count == 0)
            {
                // Most often a file caught half-written (truncated, not yet filled): never a policy to switch to.
                problems.Add(new InputProblem(file.Path, root?.Position ?? SourcePosition.Start, "the policy file is empty (write \"mode: enforce\" for the defaults)"));
            }

            return WebhookPolicy.Default;
        }

        if (root is not SourceMapping mapping)
        {
            problems.Add(new InputProblem(file.Path, root.Position, "the policy must be a mapping"));
            return WebhookPolicy.Default;
        }

        var reader = new Reader(file, problems);
        var policy = WebhookPolicy.Default;
        foreach (var entry in mapping.Entries)
        {
            var (key, value) = (entry.KeyScalar(), entry.Value);
            if (ConfigReader.ReadKey(policy.Config, file, key, value, problems) is { } config)
            {
                policy = policy with { Config = config };
                continue;
            }

            policy = key.Value switch
            {
                "mode" => policy with { Mode = reader.Mode(value) },
                "actions" => policy with { Actions = reader.Actions(value) },
                "hostNetwork" => policy with { HostNetwork = reader.Access(value, "hostNetwork", allowRanges: false).Access },
                "hostPorts" => reader.HostPorts(policy, value),
                "mutations" => policy with { Mutations = reader.Mutations(value) },
                _ => reader.Unknown(policy, key, KnownKeys),
            };
        }

        return policy;
    }

    private sealed class Reader(SourceFile file, List<InputProblem> problems)
    {
        public WebhookPolicy Unknown(WebhookPolicy policy, SourceScalar key, string known)
        {
            Problem(key, $"unknown policy key \"{key.Value}\" (known: {known})");
            return policy;
        }

        public PolicyMode Mode(SourceNode value)
        {
            var text = (value as SourceScalar)?.Value;
            switch (text)
            {
                case "enforce":
                    return PolicyMode.Enforce;
                case "warn":
                    return PolicyMode.Warn;
                case "dryrun":
                    return PolicyMode.DryRun;
                default:
                    Problem(value, "mode must be enforce, warn or dryrun");
                    return PolicyMode.Enforce;
            }
        }

        public Dictionary<string, PolicyAction> Actions(SourceNode value)
        {
            var actions = new Dictionary<string, PolicyAction>(StringComparer.Ordinal);
            if (value is not SourceMapping mapping)
            {
                Problem(value, "actions must map rule IDs to deny, warn, audit or off");
                return actions;
            }

            foreach (var entry in mapping.Entries)
            {
                var (key, action) = (entry.KeyScalar(), entry.Value);
                var id = FindingId(key);
                if (id is null)
                {
                    continue;
                }

                if (action is SourceScalar scalar && TryParseAction(scalar.Value, out var parsed))
                {
                    actions[id] = parsed;
                }
                else
                {
                    Problem(action, $"the action of {id} must be deny, warn, audit or off");
                }
            }

            return actions;
        }

        public WebhookPolicy HostPorts(WebhookPolicy policy, SourceNode value)
        {
            var (access, ranges) = Access(value, "hostPorts", allowRanges: true);
            return policy with { HostPorts = access, HostPortRanges = ranges };
        }

        public (HostAccess? Access, Dictionary<string, IReadOnlyList<PortRange>> Ranges) Access(SourceNode value, string name, bool allowRanges)
        {
            var ranges = new Dictionary<string, IReadOnlyList<PortRange>>(StringComparer.Ordinal);
            if (value is not SourceMapping mapping)
            {
                Problem(value, $"{name} must be a mapping");
                return (null, ranges);
            }

            var known = allowRanges ? "namespaces, serviceAccounts, images, ranges" : "namespaces, serviceAccounts, images";
            IReadOnlyList<string> namespaces = [], serviceAccounts = [], images = [];
            var restricted = false;
            foreach (var field in mapping.Entries)
            {
                var (key, entry) = (field.KeyScalar(), field.Value);
                switch (key.Value)
                {
                    case "namespaces":
                        namespaces = Strings(entry, $"{name}.namespaces");
                        restricted = true;
                        break;
                    case "serviceAccounts":
                        serviceAccounts = ServiceAccounts(entry, $"{name}.serviceAccounts");
                        restricted = true;
                        break;
                    case "images":
                        images = Strings(entry, $"{name}.images");
                        restricted = true;
                        break;
                    case "ranges" when allowRanges:
                        ranges = Ranges(entry);
                        break;
                    default:
                        Problem(key, $"unknown key \"{key.Value}\" in {name} (known: {known})");
                        break;
                }
            }

            return (restricted ? new HostAccess(namespaces, serviceAccounts, images) : null, ranges);
        }

        public HashSet<string> Mutations(SourceNode value)
        {
            var mutations = new HashSet<string>(StringComparer.Ordinal);
            if (value is not SourceSequence sequence)
            {
                Problem(value, "mutations must be a list of rule IDs");
                return mutations;
            }

            foreach (var item in sequence.Items)
            {
                var rule = item is SourceScalar scalar ? RuleCatalog.Find(scalar.Value) : null;
                if (rule is null)
                {
                    Problem(item, $"unknown rule \"{(item as SourceScalar)?.Value}\" (see hostnet rules)");
                }
                else if (!RuleCatalog.IsFixable(rule))
                {
                    Problem(item, $"{rule.Id} has no fix to apply as a mutation");
                }
                else
                {
                    mutations.Add(rule.Id);
                }
            }

            return mutations;
        }

        private Dictionary<string, IReadOnlyList<PortRange>> Ranges(SourceNode value)
        {
            var ranges = new Dictionary<string, IReadOnlyList<PortRange>>(StringComparer.Ordinal);
            if (value is not SourceMapping mapping)
            {
                Problem(value, "hostPorts.ranges must map namespaces (or \"*\") to lists of ports or \"FROM-TO\" ranges");
                return ranges;
            }

            foreach (var (key, list) in mapping.Entries)
            {
                var parsed = new List<PortRange>();
                var items = list is SourceSequence sequence ? sequence.Items : [list];
                foreach (var item in items)
                {
                    if (item is SourceScalar scalar && PortRange.TryParse(scalar.Value, out var range))
                    {
                        parsed.Add(range);
                    }
                    else
                    {
                        Problem(item, $"the host port ranges of \"{key}\" must be ports or \"FROM-TO\" ranges (1-65535)");
                    }
                }

                ranges[key] = parsed;
            }

            return ranges;
        }

        private string[] ServiceAccounts(SourceNode value, string name)
        {
            var accounts = Strings(value, name);
            var items = (value as SourceSequence)?.Items ?? [];
            foreach (var (account, item) in accounts.Zip(items))
            {
                if (account.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
                {
                    Problem(item, $"a service account in {name} must be written namespace/name, not \"{account}\"");
                }
            }

            return accounts;
        }

        private string[] Strings(SourceNode value, string name)
        {
            if (value is SourceSequence sequence && sequence.Items.All(i => i is SourceScalar { IsNull: false }))
            {
                return [.. sequence.Items.Cast<SourceScalar>().Select(s => s.Value)];
            }

            Problem(value, $"{name} must be a list of names");
            return [];
        }

        private string? FindingId(SourceScalar key)
        {
            if (PolicyFinding.All.Contains(key.Value, StringComparer.Ordinal))
            {
                return key.Value;
            }

            var rule = RuleCatalog.Find(key.Value);
            if (rule is null)
            {
                Problem(key, $"unknown rule \"{key.Value}\" (see hostnet rules; policy findings: {string.Join(", ", PolicyFinding.All)})");
            }

            return rule?.Id;
        }

        private static bool TryParseAction(string text, out PolicyAction action)
        {
            action = text switch
            {
                "deny" => PolicyAction.Deny,
                "warn" => PolicyAction.Warn,
                "audit" => PolicyAction.Audit,
                "off" => PolicyAction.Off,
                _ => (PolicyAction)(-1),
            };
            return Enum.IsDefined(action);
        }

        private void Problem(SourceNode node, string message) => problems.Add(new InputProblem(file.Path, node.Position, message));
    }
}
