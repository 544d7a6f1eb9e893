using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Security;

/// <summary>
/// HN051: host network combined with what lets a pod act on the node's network or processes: a privileged container,
/// an added <c>NET_ADMIN</c> or <c>NET_RAW</c> capability (or <c>ALL</c>), or <c>hostPID</c>. In the node's network
/// namespace these reach the node's own interfaces, routes, firewall and traffic (capabilities(7)). One finding per
/// workload, listing what it has; advice only, since node agents (CNI plugins, kube-proxy) need exactly this.
/// </summary>
internal sealed class HostNetworkPrivileges : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN051",
        "host-network-privileges",
        "Host network combined with privileged, NET_ADMIN, NET_RAW or hostPID",
        Severity.Info,
        RuleSection.SecurityAndPolicy,
        Fix: "drop what the pod does not need (privileged, the NET_ADMIN/NET_RAW capabilities, hostPID), and keep the rest to the one container that needs it");

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork)
        {
            return;
        }

        var privileged = new List<string>();
        var added = new List<(string Container, string What)>();
        var reconfigures = false;
        var raw = false;
        foreach (var container in spec.AllContainers)
        {
            if (container.SecurityContext.Privileged == true)
            {
                privileged.Add(container.Name);
                reconfigures = raw = true;
                continue;
            }

            var security = container.SecurityContext;
            var all = security.Adds("ALL");
            var admin = all || security.Adds("NET_ADMIN");
            var rawSockets = all || security.Adds("NET_RAW");
            if (admin || rawSockets)
            {
                var what = all ? "ALL capabilities" : admin && rawSockets ? "NET_ADMIN and NET_RAW" : admin ? "NET_ADMIN" : "NET_RAW";
                added.Add((container.Name, what));
                reconfigures |= admin;
                raw |= rawSockets;
            }
        }

        var grants = new List<string>();
        if (privileged.Count > 0)
        {
            grants.Add(privileged.Count == 1 ? $"container \"{privileged[0]}\" is privileged" : $"containers {Quote(privileged)} are privileged");
        }

        grants.AddRange(added.Select(a => $"container \"{a.Container}\" adds {a.What}"));
        if (spec.HostPID)
        {
            grants.Add("hostPID is true");
        }

        if (grants.Count == 0)
        {
            return;
        }

        var effects = new List<string>();
        if (reconfigures)
        {
            effects.Add("change the node's interfaces, routes and firewall rules");
        }

        if (raw)
        {
            effects.Add("capture and forge traffic on the node's interfaces");
        }

        if (spec.HostPID)
        {
            effects.Add("see every process on the node");
        }

        context.Report(
            Rule,
            workload,
            spec.Path + ".hostNetwork",
            $"hostNetwork is true and {string.Join(", ", grants)}: the pod can {string.Join(", ", effects.SkipLast(1)) + (effects.Count > 1 ? " and " : string.Empty) + effects[^1]}",
            Rule.Fix);
    }

    private static string Quote(IEnumerable<string> names) => "\"" + string.Join("\", \"", names) + "\"";
}
