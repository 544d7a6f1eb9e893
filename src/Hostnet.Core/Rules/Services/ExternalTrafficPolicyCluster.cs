using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Rules.Services;

/// <summary>
/// HN043: a NodePort or LoadBalancer Service with <c>externalTrafficPolicy: Cluster</c> (the default) in front of
/// host-network DaemonSet pods. Those pods already listen on every node they run on, yet kube-proxy spreads each
/// connection over all endpoints, mostly on other nodes, and masquerades it, so the backend sees a node's address
/// instead of the client's. <c>Local</c> keeps traffic on the node it arrived at (SEMANTICS.md §7; kubernetes/website
/// concepts/services-networking/service.md, "Traffic policies").
/// </summary>
internal sealed class ExternalTrafficPolicyCluster : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN043",
        "external-traffic-policy",
        "A NodePort/LoadBalancer Service with externalTrafficPolicy Cluster in front of host-network DaemonSet pods",
        Severity.Info,
        RuleSection.ServicesAndNetworkPolicy)
    {
        Messages = [Messages.ExtraHop, Messages.PolicyUnset, Messages.PolicyCluster],
        Fixes = [Fixes.SetLocal],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>HN043's message: the Service type ({0}), the DaemonSets ({1}) and how the policy is written ({2}: PolicyUnset or PolicyCluster).</summary>
    internal static class Messages
    {
        public static RuleText ExtraHop { get; } = new(
            nameof(ExtraHop),
            "{0} Service in front of the host-network pods of {1}, and externalTrafficPolicy {2}: kube-proxy forwards each connection to any of the pods, mostly on another node, though one listens on the node it arrived at; the extra hop masquerades it, so the pods see a node's address instead of the client's");

        public static RuleText PolicyUnset { get; } = new(nameof(PolicyUnset), "is not set, so it is Cluster");

        public static RuleText PolicyCluster { get; } = new(nameof(PolicyCluster), "is Cluster");
    }

    internal static class Fixes
    {
        public static RuleText SetLocal { get; } = new(nameof(SetLocal), "set externalTrafficPolicy: Local");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var service in context.Services)
        {
            if (service.Type is not ("NodePort" or "LoadBalancer")
                || service.ExternalTrafficPolicy is not (null or "Cluster")
                || service.Selector is not { Count: > 0 } selector)
            {
                continue;
            }

            var daemonSets = context.PodTemplates.SelectedBy(context.NamespaceOf(service), selector)
                .Where(w => w.Kind == "DaemonSet" && w.Spec.HostNetwork)
                .ToList();
            if (daemonSets.Count == 0)
            {
                continue;
            }

            var policy = (service.ExternalTrafficPolicy is null ? Messages.PolicyUnset : Messages.PolicyCluster).Text;
            context.Report(
                Rule,
                service,
                service.ExternalTrafficPolicy is null ? "spec.type" : "spec.externalTrafficPolicy",
                Messages.ExtraHop.With(service.Type, WorkloadNames.Join(daemonSets), policy),
                Fixes.SetLocal.Text);
        }
    }
}
