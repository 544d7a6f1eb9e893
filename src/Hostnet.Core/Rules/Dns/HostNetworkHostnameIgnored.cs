using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Dns;

/// <summary>
/// HN031: <c>hostname</c>, <c>subdomain</c> or <c>setHostnameAsFQDN</c> on a host-network pod, where the kubelet
/// ignores them. Mirrors pkg/kubelet/kuberuntime/kuberuntime_sandbox.go (generatePodSandboxConfig sets the sandbox
/// hostname only for pods off the host network, so the pod keeps the node's) and pkg/kubelet/kubelet_pods.go
/// (ensureHostsFile: on the host network <c>/etc/hosts</c> is the node's file plus hostAliases, never the pod's own
/// name). The API accepts the fields; nothing warns.
/// </summary>
internal sealed class HostNetworkHostnameIgnored : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN031",
        "host-network-hostname-ignored",
        "hostname, subdomain or setHostnameAsFQDN on the host network, where the kubelet ignores them",
        Severity.Warning,
        RuleSection.Dns)
    {
        Messages = [Messages.OneIgnored, Messages.SeveralIgnored, Messages.StatefulSetNames],
        Fixes = [Fixes.RemoveFields],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN031's messages: the fields ({0}), and for a StatefulSet the names its pods do not get ({1}).</summary>
    internal static class Messages
    {
        private const string Effect = "no effect on the host network: the kubelet gives the pod the node's hostname, "
            + "and /etc/hosts is the node's file plus hostAliases, without the pod's own name, so `hostname` and `hostname -f` inside the pod print the node's names";

        public static RuleText OneIgnored { get; } = new(nameof(OneIgnored), "{0} has " + Effect + "{1}");

        public static RuleText SeveralIgnored { get; } = new(nameof(SeveralIgnored), "{0} have " + Effect + "{1}");

        public static RuleText StatefulSetNames { get; } = new(nameof(StatefulSetNames), " (not the StatefulSet's stable pod names)");
    }

    internal static class Fixes
    {
        public static RuleText RemoveFields { get; } = new(
            nameof(RemoveFields),
            "remove the fields; software that needs a stable name of its own (Kafka, ZooKeeper, Kerberos) must be configured with it explicitly, or run off the host network");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork)
        {
            return;
        }

        var ignored = new List<string>(3);
        if (!string.IsNullOrEmpty(spec.Hostname))
        {
            ignored.Add("hostname");
        }

        if (!string.IsNullOrEmpty(spec.Subdomain))
        {
            ignored.Add("subdomain");
        }

        if (spec.SetHostnameAsFqdn == true)
        {
            ignored.Add("setHostnameAsFQDN");
        }

        if (ignored.Count == 0)
        {
            return;
        }

        var fields = string.Join(", ", ignored.Select(f => spec.Path + "." + f));
        var statefulSet = workload.Kind == "StatefulSet" ? Messages.StatefulSetNames.Text : string.Empty;
        var message = (ignored.Count == 1 ? Messages.OneIgnored : Messages.SeveralIgnored).With(fields, statefulSet);
        context.Report(Rule, workload, spec.Path + "." + ignored[0], message, Fixes.RemoveFields.Text);
    }
}
