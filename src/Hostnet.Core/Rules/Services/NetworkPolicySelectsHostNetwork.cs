using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Services;

/// <summary>
/// HN044: a NetworkPolicy whose <c>podSelector</c> selects host-network pods (an empty selector selects every pod of
/// its namespace). Upstream leaves this undefined, and most network plugins ignore host-network pods when matching
/// selectors, treating their traffic as the node's (kubernetes/website concepts/services-networking/network-policies.md,
/// "NetworkPolicy and hostNetwork pods"; SEMANTICS.md §8), so the policy does not isolate them.
/// </summary>
internal sealed class NetworkPolicySelectsHostNetwork : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN044",
        "network-policy-ineffective",
        "A NetworkPolicy selects host-network pods, which most network plugins ignore",
        Severity.Warning,
        RuleSection.ServicesAndNetworkPolicy)
    {
        Messages = [Messages.Ineffective],
        Fixes = [Fixes.HostFirewall],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>HN044's message: the workloads whose pods the policy selects ({0}), then the Kubernetes documentation's words.</summary>
    internal static class Messages
    {
        public static RuleText Ineffective { get; } = new(
            nameof(Ineffective),
            "podSelector selects the host-network pods of {0}, but \"NetworkPolicy behaviour for `hostNetwork` pods is undefined\"; in the most common implementation the network plugin \"ignores `hostNetwork` pods when matching `podSelector` and `namespaceSelector`. Traffic to/from `hostNetwork` pods is treated the same as all other traffic to/from the node IP.\", so this policy most likely does not isolate them");
    }

    internal static class Fixes
    {
        public static RuleText HostFirewall { get; } = new(
            nameof(HostFirewall),
            "protect their ports with a host firewall, or match the nodes' addresses with ipBlock rules in the policies of the pods they talk to");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.NetworkPolicies.Count == 0)
        {
            return;
        }

        // Host-network pods are few; matching each policy against them avoids scanning whole namespaces.
        var hostNetwork = context.Workloads.Where(w => w.Spec.HostNetwork).ToLookup(context.NamespaceOf, StringComparer.Ordinal);
        foreach (var policy in context.NetworkPolicies)
        {
            // Most policies select no host-network pod: no list or closure for them.
            List<Workload>? selected = null;
            foreach (var workload in hostNetwork[context.NamespaceOf(policy)])
            {
                if (policy.PodSelector.Matches(workload.Template.Metadata.Labels))
                {
                    (selected ??= []).Add(workload);
                }
            }

            if (selected is null)
            {
                continue;
            }

            context.Report(
                Rule,
                policy,
                "spec.podSelector",
                Messages.Ineffective.With(WorkloadNames.Join(selected)),
                Fixes.HostFirewall.Text);
        }
    }
}
