using Hostnet.Core.Configuration;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Admission;

/// <summary>
/// The admission webhook's policy: a <c>.hostnet.yaml</c> (<see cref="Config"/>) plus who may use the host's
/// network and ports, what each finding does at admission, which fixes are applied as mutations, and the mode.
/// </summary>
public sealed record WebhookPolicy
{
    /// <summary>The key of <see cref="HostPortRanges"/> that applies to namespaces without their own entry.</summary>
    public const string AnyNamespace = "*";

    /// <summary>The policy without a file: enforce, every rule at its severity's action, no restriction, no mutation.</summary>
    public static WebhookPolicy Default { get; } = new();

    public HostnetConfig Config { get; init; } = HostnetConfig.Empty;

    public PolicyMode Mode { get; init; } = PolicyMode.Enforce;

    /// <summary>Actions by rule ID or <see cref="PolicyFinding"/> ID; the others follow <see cref="DefaultAction"/>.</summary>
    public IReadOnlyDictionary<string, PolicyAction> Actions { get; init; } = new Dictionary<string, PolicyAction>();

    /// <summary>Who may set <c>hostNetwork: true</c>; null when anybody may.</summary>
    public HostAccess? HostNetwork { get; init; }

    /// <summary>Who may use host ports (a host-network pod's container ports count); null when anybody may.</summary>
    public HostAccess? HostPorts { get; init; }

    /// <summary>Allowed host port ranges by namespace (<see cref="AnyNamespace"/> for the rest); a namespace without an entry is unrestricted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PortRange>> HostPortRanges { get; init; } = new Dictionary<string, IReadOnlyList<PortRange>>();

    /// <summary>The rule IDs whose fixes <c>/mutate</c> applies.</summary>
    public IReadOnlySet<string> Mutations { get; init; } = new HashSet<string>();

    /// <summary>Whether the policy limits who may use the host's network or ports, or which ports: without, it adds no findings of its own.</summary>
    public bool RestrictsHostAccess => HostNetwork is not null || HostPorts is not null || HostPortRanges.Count > 0;

    /// <summary>What a finding of <paramref name="id"/> at <paramref name="severity"/> does at admission.</summary>
    public PolicyAction ActionFor(string id, Severity severity) =>
        Actions.TryGetValue(id, out var action) ? action : DefaultAction(severity);

    /// <summary>Error denies, warning warns, info is audited: what the API server itself would do with each.</summary>
    public static PolicyAction DefaultAction(Severity severity) => severity switch
    {
        Severity.Error => PolicyAction.Deny,
        Severity.Warning => PolicyAction.Warn,
        _ => PolicyAction.Audit,
    };

    /// <summary>The allowed host port ranges of a namespace; null when it may use any port.</summary>
    public IReadOnlyList<PortRange>? RangesFor(string @namespace) =>
        HostPortRanges.TryGetValue(@namespace, out var ranges) || HostPortRanges.TryGetValue(AnyNamespace, out ranges) ? ranges : null;
}
