using Hostnet.Core.Diagnostics;
using Hostnet.Core.NodeState;

namespace Hostnet.Core.Rules.OnNode;

/// <summary>
/// HN061: a running container of a host-network pod, started longer than the grace period ago, declares a TCP port it
/// does not listen on while it listens on other TCP ports. Services (<c>targetPort</c>), probes and the scheduler all
/// use the declared port, so they reach nothing (or another process) while the process answers elsewhere. A container
/// that listens on nothing is left alone: it may not serve at all, or not yet. UDP is left out: a UDP server need not
/// keep a socket bound to be correct. The manifest-side twin is HN011.
/// </summary>
internal sealed class DeclaredPortNotListening : INodeRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN061",
        "declared-port-not-listening",
        "A running host-network container declares a TCP port it does not listen on, while it listens on others",
        Severity.Warning,
        RuleSection.OnTheNode)
    {
        Messages = [Messages.ListensElsewhere, Messages.PortName],
        Fixes = [Fixes.MatchListener],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN061's message: the container ({0}), the pod ({1}), the declared port ({2}) and its name ({3}: PortName, or
    /// nothing), the ports it listens on ({4}) and for how long it has run ({5}).
    /// </summary>
    internal static class Messages
    {
        public static RuleText ListensElsewhere { get; } = new(
            nameof(ListensElsewhere),
            "container \"{0}\" of pod {1} declares containerPort {2}/TCP{3} but listens on {4}, not on {2}, after running {5}: Services, probes and the scheduler use {2} while the process answers on {4}");

        public static RuleText PortName { get; } = new(nameof(PortName), " (\"{0}\")");
    }

    /// <summary>HN061's fix: the declared port ({0}).</summary>
    internal static class Fixes
    {
        public static RuleText MatchListener { get; } = new(
            nameof(MatchListener),
            "make the port match what the process listens on: set containerPort to the port it listens on, or configure the process to listen on {0}");
    }

    public IEnumerable<NodeFinding> Check(NodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var pod in view.Pods.Pods.Where(p => p.Pod.Spec.HostNetwork))
        {
            var listening = view.ListenersOf(pod).Where(l => l.Socket.Protocol == "TCP" && l.Owner.Container is not null).ToLookup(l => l.Owner.Container!, StringComparer.Ordinal);
            foreach (var status in pod.Status.ContainerStatuses.Where(s => s.Running && s.StartedAt is { } started && view.Now - started >= view.Grace))
            {
                var container = pod.Pod.Spec.LongRunningContainers.FirstOrDefault(c => c.Name == status.Name);
                var actual = listening[status.Name].Select(l => l.Socket.Port).Distinct().Order().ToList();
                if (container is null || actual.Count == 0)
                {
                    continue;
                }

                foreach (var declared in container.Ports.Where(p => p.EffectiveProtocol == "TCP" && p.ContainerPortNumber > 0 && !actual.Contains(p.ContainerPortNumber)))
                {
                    var others = string.Join(", ", actual.Select(p => $"{p}/TCP"));
                    var running = view.Now - status.StartedAt!.Value;
                    yield return new NodeFinding(
                        Rule,
                        Rule.DefaultSeverity,
                        Messages.ListensElsewhere.With(
                            status.Name,
                            $"{pod.Pod.Metadata.Namespace}/{pod.Pod.Name}",
                            declared.ContainerPortNumber,
                            declared.Name is { Length: > 0 } name ? Messages.PortName.With(name) : string.Empty,
                            others,
                            Duration(running)),
                        Fixes.MatchListener.With(declared.ContainerPortNumber),
                        pod,
                        status.Name,
                        declared.ContainerPortNumber,
                        "TCP");
                }
            }
        }
    }

    /// <summary>A running time as kubectl's AGE column writes it (<c>45s</c>, <c>3m</c>, <c>2h</c>, <c>5d</c>).</summary>
    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m"
        : $"{(int)span.TotalSeconds}s";
}
