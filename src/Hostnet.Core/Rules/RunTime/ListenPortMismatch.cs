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
        RuleSection.WillNotRun)
    {
        Messages = [Messages.ToldOtherPort],
        Fixes = [Fixes.MakeAgree],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN011's message: the container ({0}), the port ({1}), where it is said ({2}) and the declared ports ({3}).</summary>
    internal static class Messages
    {
        public static RuleText ToldOtherPort { get; } = new(
            nameof(ToldOtherPort),
            "container '{0}' is told to listen on {1} ({2}) but declares only {3}: the scheduler reserves the declared ports, not {1}, so a second pod using {1} on the same node will crash with \"address already in use\"");
    }

    /// <summary>HN011's fix: the declaration to add ({0}), the container ({1}) and where the port is said ({2}).</summary>
    internal static class Fixes
    {
        public static RuleText MakeAgree { get; } = new(nameof(MakeAgree), "make the two agree: declare {0} in container '{1}', or change {2} to a declared port");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        if (!workload.Spec.HostNetwork)
        {
            return;
        }

        var found = context.ListenersOf(workload).Undeclared;
        for (var i = 0; i < found.Count; i++)
        {
            var undeclared = found[i];
            if (!undeclared.ContradictsDeclaredPorts)
            {
                continue;
            }

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
                Messages.ToldOtherPort.With(container.Name, port, undeclared.Listener.Evidence, declared),
                Fixes.MakeAgree.With(undeclared.Declaration, container.Name, undeclared.Listener.Evidence));
        }
    }
}
