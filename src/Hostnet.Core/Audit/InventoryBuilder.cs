using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;
using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Semantics.PodSecurity;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Audit;

/// <summary>
/// The inventory: every owner whose pods use the host network or a host port, with what its spec asks for, its pods,
/// its namespace's Pod Security levels, and the Services and NetworkPolicies that select its pods. Services and
/// policies are indexed by namespace, so each owner is matched only against its own namespace's.
/// </summary>
internal static class InventoryBuilder
{
    public static IReadOnlyList<InventoryEntry> Build(AuditIndex index, IReadOnlyDictionary<OwnerKey, Workload> subjects)
    {
        var services = index.Snapshot.Services.ToLookup(index.NamespaceOf, StringComparer.Ordinal);
        var policies = index.Snapshot.NetworkPolicies.ToLookup(index.NamespaceOf, StringComparer.Ordinal);
        var entries = new List<InventoryEntry>();
        foreach (var (owner, subject) in subjects)
        {
            var spec = subject.Spec;
            if (!index.UsesHost(spec))
            {
                continue;
            }

            var labels = subject.Template.Metadata.Labels;
            var pods = index.PodsOf(owner);
            entries.Add(new InventoryEntry(
                owner,
                spec.HostNetwork,
                Ports(spec, index.HostPorts(spec)),
                Dns(spec),
                Privileges(spec),
                Security(index, owner.Namespace),
                [.. services[owner.Namespace].Where(s => Selects(s, labels)).Select(s => s.Name).Order(StringComparer.Ordinal)],
                [.. policies[owner.Namespace].Where(p => p.PodSelector.Matches(labels)).Select(p => p.Name).Order(StringComparer.Ordinal)],
                Count(pods),
                pods.Where(p => !AuditIndex.Ended(p) && p.NodeName is not null).Select(p => p.NodeName!).Distinct(StringComparer.Ordinal).Count()));
        }

        return [.. entries
            .OrderBy(e => e.Owner.Namespace, StringComparer.Ordinal)
            .ThenBy(e => e.Owner.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.Owner.Name, StringComparer.Ordinal)];
    }

    private static string[] Ports(PodSpec spec, IReadOnlyList<HostPortBinding> hostPorts)
    {
        var declared = hostPorts.Select(b => b.ToString()).Distinct(StringComparer.Ordinal);
        var inferred = spec.HostNetwork
            ? new PodListeners(spec).Undeclared.Select(u => $"{u.Listener.Port}/{u.Listener.Protocol} inferred").Distinct(StringComparer.Ordinal)
            : [];
        return [.. declared.Concat(inferred)];
    }

    private static string Dns(PodSpec spec)
    {
        var policy = DnsPolicy.Effective(spec.DnsPolicy);
        var resolver = DnsPolicy.TypeFor(spec.DnsPolicy, spec.HostNetwork) switch
        {
            DnsType.Cluster => "cluster DNS",
            DnsType.Host => "node resolver",
            _ => "dnsConfig only",
        };
        return $"{policy} ({resolver})";
    }

    private static string[] Privileges(PodSpec spec)
    {
        var found = new List<string>();
        var containers = spec.AllContainers.ToList();
        if (containers.Any(c => c.SecurityContext.Privileged == true))
        {
            found.Add("privileged");
        }

        foreach (var capability in (string[])["ALL", "NET_ADMIN", "NET_RAW"])
        {
            if (containers.Any(c => c.SecurityContext.Adds(capability)))
            {
                found.Add(capability);
            }
        }

        if (spec.HostPID)
        {
            found.Add("hostPID");
        }

        if (spec.HostIPC)
        {
            found.Add("hostIPC");
        }

        return [.. found];
    }

    private static NamespaceSecurity Security(AuditIndex index, string @namespace)
    {
        var ns = index.Namespace(@namespace);
        var policy = ns is null ? PodSecurityPolicy.Privileged : PodSecurityPolicy.FromLabels(ns.Metadata.Labels);
        static string Name(LevelVersion level) => level.Level switch
        {
            PodSecurityLevel.Privileged => "privileged",
            PodSecurityLevel.Baseline => "baseline",
            _ => "restricted",
        };
        return new NamespaceSecurity(Name(policy.Enforce), Name(policy.Audit), Name(policy.Warn), ns is not null);
    }

    /// <summary>A Service selects pods whose labels carry every pair of its selector; none without a selector.</summary>
    private static bool Selects(Service service, IReadOnlyDictionary<string, string> labels) =>
        service.Selector is { Count: > 0 } selector
        && selector.All(p => labels.TryGetValue(p.Key, out var value) && value == p.Value);

    private static PodCounts Count(IReadOnlyList<ClusterPod> pods) => new(
        pods.Count,
        pods.Count(p => p.Status.Phase == "Running" && !p.Status.Terminating),
        pods.Count(p => p.Status.Phase == "Pending"),
        pods.Count(p => p.Status.Terminating));
}
