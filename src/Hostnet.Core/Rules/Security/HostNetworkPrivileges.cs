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
        RuleSection.SecurityAndPolicy)
    {
        Messages =
        [
            Messages.Grants, Messages.Privileged, Messages.SeveralPrivileged, Messages.Adds, Messages.HostPid,
            Messages.Reconfigures, Messages.RawSockets, Messages.SeesProcesses,
        ],
        Fixes = [Fixes.DropWhatIsNotNeeded],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN051's message: what the pod is granted ({0}: Privileged, SeveralPrivileged, Adds with the container and the
    /// capabilities, HostPid; joined by commas) and what it can do with it ({1}: Reconfigures, RawSockets, SeesProcesses;
    /// the last joined by "and").
    /// </summary>
    internal static class Messages
    {
        public static RuleText Grants { get; } = new(nameof(Grants), "hostNetwork is true and {0}: the pod can {1}");

        public static RuleText Privileged { get; } = new(nameof(Privileged), "container \"{0}\" is privileged");

        public static RuleText SeveralPrivileged { get; } = new(nameof(SeveralPrivileged), "containers {0} are privileged");

        public static RuleText Adds { get; } = new(nameof(Adds), "container \"{0}\" adds {1}");

        public static RuleText HostPid { get; } = new(nameof(HostPid), "hostPID is true");

        public static RuleText Reconfigures { get; } = new(nameof(Reconfigures), "change the node's interfaces, routes and firewall rules");

        public static RuleText RawSockets { get; } = new(nameof(RawSockets), "capture and forge traffic on the node's interfaces");

        public static RuleText SeesProcesses { get; } = new(nameof(SeesProcesses), "see every process on the node");
    }

    internal static class Fixes
    {
        public static RuleText DropWhatIsNotNeeded { get; } = new(
            nameof(DropWhatIsNotNeeded),
            "drop what the pod does not need (privileged, the NET_ADMIN/NET_RAW capabilities, hostPID), and keep the rest to the one container that needs it");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork)
        {
            return;
        }

        // Made on the first container that needs them: most host-network pods grant nothing of this.
        List<string>? privileged = null;
        List<(string Container, string What)>? added = null;
        var reconfigures = false;
        var raw = false;
        foreach (var container in spec.AllContainers)
        {
            if (container.SecurityContext.Privileged == true)
            {
                (privileged ??= []).Add(container.Name);
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
                (added ??= []).Add((container.Name, what));
                reconfigures |= admin;
                raw |= rawSockets;
            }
        }

        if (privileged is null && added is null && !spec.HostPID)
        {
            return;
        }

        var grants = new List<string>();
        if (privileged is not null)
        {
            grants.Add(privileged.Count == 1 ? Messages.Privileged.With(privileged[0]) : Messages.SeveralPrivileged.With(Quote(privileged)));
        }

        grants.AddRange((added ?? []).Select(a => Messages.Adds.With(a.Container, a.What)));
        if (spec.HostPID)
        {
            grants.Add(Messages.HostPid.Text);
        }

        var effects = new List<string>();
        if (reconfigures)
        {
            effects.Add(Messages.Reconfigures.Text);
        }

        if (raw)
        {
            effects.Add(Messages.RawSockets.Text);
        }

        if (spec.HostPID)
        {
            effects.Add(Messages.SeesProcesses.Text);
        }

        context.Report(
            Rule,
            workload,
            spec.Path + ".hostNetwork",
            Messages.Grants.With(string.Join(", ", grants), string.Join(", ", effects.SkipLast(1)) + (effects.Count > 1 ? " and " : string.Empty) + effects[^1]),
            Fixes.DropWhatIsNotNeeded.Text);
    }

    private static string Quote(IEnumerable<string> names) => "\"" + string.Join("\", \"", names) + "\"";
}
