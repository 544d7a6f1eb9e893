using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Core.Rules.Dns;

/// <summary>
/// HN030: host network with <c>ClusterFirst</c>, written or defaulted. The kubelet silently hands such a pod the node's
/// resolver (pkg/kubelet/network/dns/dns.go, getPodDNSType), which is what CNI agents, CSI node plugins and other node
/// components need. So the rule warns only where the pod shows it resolves cluster names
/// (<see cref="ClusterNameEvidence"/>), and otherwise says at info that <c>ClusterFirst</c> here behaves as <c>Default</c>.
/// Not reported: an explicit <c>Default</c> (a choice), pods for Windows nodes (kubernetes/website
/// <c>content/en/docs/concepts/services-networking/dns-pod-service.md</c>, "DNS resolution on Windows nodes":
/// "ClusterFirstWithHostNet is not supported for pods that run on Windows nodes."), and pods whose containers all mount
/// the node's <c>/etc/resolv.conf</c> over their own (the runtime's file is hidden, whatever the policy).
/// </summary>
internal sealed class HostNetworkClusterDns : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN030",
        "host-network-cluster-dns",
        "Host network with dnsPolicy ClusterFirst: cluster names do not resolve",
        Severity.Warning,
        RuleSection.Dns)
    {
        Messages = [Messages.ClusterNameUsed, Messages.NoClusterName, Messages.PolicyUnset, Messages.PolicyClusterFirst],
        Fixes = [Fixes.UseClusterDns, Fixes.RecordNodeResolver],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN030's messages: how dnsPolicy is written ({0}: PolicyUnset or PolicyClusterFirst),
    /// then where the pod names a cluster name ({1}) and which ({2}), or the namespace whose Services were looked for ({1}).
    /// </summary>
    internal static class Messages
    {
        public static RuleText ClusterNameUsed { get; } = new(
            nameof(ClusterNameUsed),
            "hostNetwork is true and dnsPolicy {0}: the kubelet silently falls back to the node's resolv.conf, so cluster names do not resolve, and the pod uses one: {1} names {2}");

        public static RuleText NoClusterName { get; } = new(
            nameof(NoClusterName),
            "hostNetwork is true and dnsPolicy {0}: on the host network ClusterFirst behaves as Default (the node's resolv.conf), and nothing in the pod names a cluster service (.svc, .cluster.local, kubernetes.default or a Service of namespace {1})");

        public static RuleText PolicyUnset { get; } = new(nameof(PolicyUnset), "is not set, so it defaults to ClusterFirst");

        public static RuleText PolicyClusterFirst { get; } = new(nameof(PolicyClusterFirst), "is ClusterFirst");
    }

    internal static class Fixes
    {
        /// <summary>The fix offered with evidence; <c>hostnet fix</c> and the webhook's mutation apply it only then.</summary>
        public static RuleText UseClusterDns { get; } = new(nameof(UseClusterDns), "set dnsPolicy: ClusterFirstWithHostNet");

        /// <summary>The fix offered without evidence: records the intent, changes nothing at run time.</summary>
        public static RuleText RecordNodeResolver { get; } = new(
            nameof(RecordNodeResolver),
            "set dnsPolicy: Default to record that the node's resolver is intended (nothing changes at run time); "
                + "ClusterFirstWithHostNet only if the pod resolves cluster names");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork || DnsPolicy.TypeFor(spec.DnsPolicy, hostNetwork: true) != DnsType.Host || spec.DnsPolicy == DnsPolicy.Default)
        {
            return;
        }

        if (RunsOnWindows(spec, workload.Source.Root) || MountsNodeResolvConf(workload))
        {
            return;
        }

        var written = (spec.DnsPolicy is null ? Messages.PolicyUnset : Messages.PolicyClusterFirst).Text;
        var path = spec.DnsPolicy is null ? spec.Path + ".hostNetwork" : spec.Path + ".dnsPolicy";
        if (ClusterNameEvidence.Find(workload, context) is { } evidence)
        {
            context.Report(
                Rule,
                workload,
                path,
                Messages.ClusterNameUsed.With(written, evidence.Where, evidence.Name),
                Fixes.UseClusterDns.Text);
            return;
        }

        context.Report(
            Rule,
            workload,
            path,
            Messages.NoClusterName.With(written, context.NamespaceOf(workload)),
            Fixes.RecordNodeResolver.Text,
            Severity.Info);
    }

    /// <summary>A HostProcess pod or container, <c>os.name: windows</c>, or a node selector for Windows nodes.</summary>
    /// <param name="spec">The pod spec as read.</param>
    /// <param name="root">The object's source tree. A snapshot's objects keep only their metadata there, and for them HN030
    /// has always looked at the node selector alone: the read spec stands in for the tree only where the tree holds it.</param>
    private static bool RunsOnWindows(PodSpec spec, SourceMapping root)
    {
        if (spec.NodeSelector.TryGetValue("kubernetes.io/os", out var os) && os == "windows")
        {
            return true;
        }

        if (!root.TryGetEntry("spec", out _))
        {
            return false;
        }

        if (spec.OsName == "windows" || spec.SecurityContext.WindowsHostProcess == true)
        {
            return true;
        }

        // Indexed loops over the containers that run a process of their own (not the ephemeral ones): this runs for
        // every host-network pod (each review), and enumerating an IReadOnlyList through its interface allocates.
        foreach (var containers in (ReadOnlySpan<IReadOnlyList<Container>>)[spec.InitContainers, spec.Containers])
        {
            for (var i = 0; i < containers.Count; i++)
            {
                if (containers[i].SecurityContext.WindowsHostProcess == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every container mounts a <c>hostPath</c> volume at <c>/etc/resolv.conf</c>: the node's file, not the kubelet's.</summary>
    private static bool MountsNodeResolvConf(Workload workload)
    {
        // Most pods have no hostPath volume: then the source tree need not be looked at. The read volumes are the
        // tree's, each with every key it has (a snapshot's objects keep neither).
        if (!HasHostPathVolume(workload.Spec.Volumes))
        {
            return false;
        }

        var podSpec = FieldPaths.Resolve(workload.Source.Root, workload.Spec.Path) as SourceMapping;
        var volumes = Fields.List(podSpec, "volumes");
        HashSet<string>? hostPathVolumes = null;
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i] is SourceMapping volume && Fields.Map(volume, "hostPath") is not null && Fields.String(volume, "name") is { } name)
            {
                (hostPathVolumes ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }
        }

        // Most pods mount no hostPath volume: then no container need be looked at.
        if (hostPathVolumes is null)
        {
            return false;
        }

        var containers = Fields.List(podSpec, "containers");
        var any = false;
        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is not SourceMapping container)
            {
                continue;
            }

            any = true;
            if (!MountsOverResolvConf(container, hostPathVolumes))
            {
                return false;
            }
        }

        return any;
    }

    private static bool HasHostPathVolume(IReadOnlyList<Volume> volumes)
    {
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].Has("hostPath"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MountsOverResolvConf(SourceMapping container, HashSet<string> hostPathVolumes)
    {
        var mounts = Fields.List(container, "volumeMounts");
        for (var i = 0; i < mounts.Count; i++)
        {
            if (mounts[i] is SourceMapping mount
                && Fields.String(mount, "mountPath")?.TrimEnd('/') == "/etc/resolv.conf"
                && Fields.String(mount, "name") is { } volume
                && hostPathVolumes.Contains(volume))
            {
                return true;
            }
        }

        return false;
    }
}
