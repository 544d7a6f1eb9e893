using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules.Api;
using Hostnet.Core.Rules.Dns;
using Hostnet.Core.Rules.OnNode;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Rules.Security;
using Hostnet.Core.Rules.Services;

namespace Hostnet.Core.Rules;

/// <summary>
/// The one list of hostnet's rules and their fixes, registered explicitly (no reflection), section by section as
/// RULES.md lists them. <c>check</c>, <c>fix</c>, <c>plan</c>, <c>audit</c>, the webhook and the agent run these; the
/// CLI's <c>rules</c> and <c>explain</c>, SARIF's rule metadata and the validation of rule IDs in <c>.hostnet.yaml</c>
/// and webhook policies read them. <c>docs/rules/SHIPPED.md</c> records what each release shipped.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The rules that run on manifests, in the order they run.</summary>
    public static IReadOnlyList<IRule> Rules { get; } =
    [
        // A. The API server would reject it (HN000 is reported by the loader and the checker, see InvalidInput).
        new InvalidDnsPolicy(),
        new MisplacedField(),
        new HostPortMismatch(),
        new DuplicateHostPort(),
        new InvalidPort(),
        new HostNetworkSysctl(),
        new InvalidDnsConfig(),
        new HostNetworkUserNamespace(),
        new ImmutablePodNetwork(),
        new HostNetworkFieldRejected(),
        new PortDefinitionWarning(),

        // B. It will not run as written.
        new UndeclaredHostListener(),
        new ListenPortMismatch(),
        new HostPortConflict(),
        new ReplicasExceedNodes(),
        new ColocatedReplicasWithoutPorts(),
        new DeploymentSurgeHostPorts(),
        new DaemonSetSurgeHostPorts(),
        new NodeReservedHostPort(),
        new PrivilegedPortNonRoot(),
        new DaemonSetMissesNodes(),

        // C. DNS.
        new HostNetworkClusterDns(),
        new HostNetworkHostnameIgnored(),

        // D. Services and network policy.
        new ServiceSelectsNothing(),
        new ServicePortUndeclared(),
        new ServiceColocatedHostNetwork(),
        new ExternalTrafficPolicyCluster(),
        new NetworkPolicySelectsHostNetwork(),

        // E. Security and policy.
        new PodSecurityViolation(),
        new HostNetworkPrivileges(),
    ];

    /// <summary>F. On the node: the rules that run on what <c>hostnet agent</c> sees on a node.</summary>
    public static IReadOnlyList<INodeRule> NodeRules { get; } =
    [
        new UndeclaredNodeListener(),
        new DeclaredPortNotListening(),
        new HostPortHeld(),
        new NodePortRangeListener(),
    ];

    /// <summary>
    /// The fixes, each beside its rule, in the order <c>hostnet fix</c> plans them: moves first, since they change what
    /// the others see; where two fixes would write the same field, the earlier wins. A rule is fixable when it is here.
    /// </summary>
    public static IReadOnlyList<IRuleFixer> Fixers { get; } =
    [
        new MisplacedFieldFixer(),
        new InvalidDnsPolicyFixer(),
        new HostNetworkClusterDnsFixer(),
        new HostPortMismatchFixer(),
        new UndeclaredHostListenerFixer(),
        new RollingUpdateWithoutSurgeFixer(DeploymentSurgeHostPorts.Rule),
        new RollingUpdateWithoutSurgeFixer(DaemonSetSurgeHostPorts.Rule),
    ];

    /// <summary>Every ID of the catalogue, HN000 (input that cannot be read) and the node rules included, by ID.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
        [.. new[] { InvalidInput.Descriptor }.Concat(Rules.Select(r => r.Descriptor)).Concat(NodeRules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];

    /// <summary>The IDs of the rules <c>hostnet fix</c> and the webhook's mutations can repair, by ID.</summary>
    public static IReadOnlyList<string> FixableIds { get; } = [.. Fixers.Select(f => f.Rule.Id).Order(StringComparer.Ordinal)];

    /// <summary>The rule with this ID or slug, in any case; null when there is none.</summary>
    public static RuleDescriptor? Find(string id) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Slug, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <c>hostnet fix</c> can repair findings of <paramref name="rule"/>: whether the rule has a fixer.</summary>
    public static bool IsFixable(RuleDescriptor rule) => Fixers.Any(f => f.Rule.Equals(rule));
}
