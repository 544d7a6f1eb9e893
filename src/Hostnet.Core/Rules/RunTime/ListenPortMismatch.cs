using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Listeners;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN011: on the host network, a container is told to listen (flag or variable) on a port that no container of the
/// pod declares, while it declares other ports: the declaration and the process have drifted apart. The scheduler
/// reserves the declared ports (pkg/scheduler/util/utils.go, GetHostPorts), not the real one. Probe ports and image
/// defaults are not "told", and a container that declares nothing has a missing declaration: both are HN010's.
/// </summary>
internal sealed class ListenPortMismatch : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN011",
        "listen-port-mismatch",
        "The port the process is told to listen on is not among the declared ports",
        Severity.Warning,
        RuleSection.WillNotRun);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        if (!workload.Spec.HostNetwork)
        {
            return;
        }

        foreach (var undeclared in context.ListenersOf(workload).Undeclared.Where(u => u.ContradictsDeclaredPorts))
        {
            var container = undeclared.Container;
            var declared = string.Join(", ", container.Ports
                .Where(p => p.ContainerPortNumber > 0)
                .Select(p => PortText.Of(p.ContainerPortNumber, p.EffectiveProtocol))
                .Distinct(StringComparer.Ordinal));
            var port = undeclared.PortText;
            context.Report(
                Rule,
                workload,
                undeclared.Listener.FieldPath,
                $"container '{container.Name}' is told to listen on {port} ({undeclared.Listener.Evidence}) but declares only {declared}: the scheduler reserves the declared ports, not {port}, so a second pod using {port} on the same node will crash with \"address already in use\"",
                $"make the two agree: declare {undeclared.Declaration} in container '{container.Name}', or change {undeclared.Listener.Evidence} to a declared port");
        }
    }
}
