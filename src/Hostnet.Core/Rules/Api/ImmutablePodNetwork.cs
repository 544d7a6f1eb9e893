using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN009: a bare Pod of the input that already exists in the cluster snapshot (same namespace and name) with a
/// different <c>hostNetwork</c> or different container ports. A Pod's spec is immutable but for a few fields, so
/// applying it is an update the API server refuses (ValidatePodUpdate, <see cref="PodUpdateValidation"/>); the old Pod
/// keeps running as it was. Ports are compared as stored, after the API's defaulting (protocol TCP, and on host
/// network the host port from the container port). Workload templates may change freely (their controllers roll out
/// new pods), so only Pods are checked.
/// </summary>
internal sealed class ImmutablePodNetwork : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN009",
        "immutable-pod-network",
        "A bare Pod that exists changes hostNetwork or its ports",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.NetworkChanges, Messages.HostNetworkChange, Messages.PortsChange],
        Fixes = [Fixes.Recreate],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN009's message: the Pod's namespace ({0}) and name ({1}), what changes ({2}: the parts below, joined by "and"),
    /// the Pod's name quoted ({3}) and the API's error ({4}).
    /// </summary>
    internal static class Messages
    {
        public static RuleText NetworkChanges { get; } = new(
            nameof(NetworkChanges),
            "Pod {0}/{1} already exists, and this changes {2}: a Pod's network cannot change after it is created, "
                + "so the API server refuses the update (The Pod {3} is invalid: {4}, followed by a diff of the two specs) and the old Pod keeps running as it was");

        public static RuleText HostNetworkChange { get; } = new(nameof(HostNetworkChange), "hostNetwork from {0} to {1}");

        public static RuleText PortsChange { get; } = new(nameof(PortsChange), "the ports of container {0} from [{1}] to [{2}]");
    }

    internal static class Fixes
    {
        public static RuleText Recreate { get; } = new(
            nameof(Recreate),
            "delete the Pod and create it again (kubectl replace --force -f …), or let a Deployment or DaemonSet own it, whose template may change");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Cluster.Pods.Count == 0)
        {
            return;
        }

        var pods = context.Workloads.Where(w => w.IsPod).ToArray();
        if (pods.Length == 0)
        {
            return;
        }

        var existing = new Dictionary<(string Namespace, string Name), ClusterPod>();
        foreach (var pod in context.Cluster.Pods)
        {
            existing.TryAdd((context.NamespaceOf(pod.Pod), pod.Pod.Name), pod);
        }

        foreach (var pod in pods)
        {
            if (existing.TryGetValue((context.NamespaceOf(pod), pod.Name), out var running))
            {
                Check(pod, running.Pod.Spec, context);
            }
        }
    }

    private static void Check(Workload pod, PodSpec old, AnalysisContext context)
    {
        var spec = pod.Spec;
        var changes = new List<string>();
        string? position = null;
        if (spec.HostNetwork != old.HostNetwork)
        {
            changes.Add(Messages.HostNetworkChange.With(Bool(old.HostNetwork), Bool(spec.HostNetwork)));
            position = spec.Path + ".hostNetwork";
        }

        foreach (var (container, index) in spec.Containers.Select((c, i) => (c, i)))
        {
            var stored = old.Containers.FirstOrDefault(c => c.Name == container.Name) ?? (index < old.Containers.Count ? old.Containers[index] : null);
            if (stored is null)
            {
                continue;
            }

            var before = Ports(stored, old);
            var after = Ports(container, spec);
            if (before != after)
            {
                changes.Add(Messages.PortsChange.With(container.Name, before, after));
                position ??= container.Path + ".ports";
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        var error = PodUpdateValidation.Forbidden(old, spec, context.Options.KubeVersion);
        context.Report(
            Rule,
            pod,
            position,
            Messages.NetworkChanges.With(context.NamespaceOf(pod), pod.Name, string.Join(" and ", changes), FieldError.GoQuote(pod.Name), error),
            Fixes.Recreate.Text);
    }

    /// <summary>The container's ports as the API stores them, in order: <c>name containerPort/protocol hostIP:hostPort</c>.</summary>
    private static string Ports(Container container, PodSpec spec) =>
        string.Join(", ", container.Ports.Select(p =>
        {
            var hostPort = HostPorts.InPod(p, spec);
            var name = string.IsNullOrEmpty(p.Name) ? string.Empty : p.Name + " ";
            var host = hostPort == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" hostPort {(p.HostIP.Length == 0 ? string.Empty : p.HostIP + ":")}{hostPort}");
            return string.Create(CultureInfo.InvariantCulture, $"{name}{p.ContainerPortNumber}/{p.EffectiveProtocol}{host}");
        }));

    private static string Bool(bool value) => value ? "true" : "false";
}
