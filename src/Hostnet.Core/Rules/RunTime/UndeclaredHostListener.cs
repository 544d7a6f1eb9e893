using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Listeners;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN010: a host-network container evidently listens on a port no container of the pod declares. The scheduler's
/// NodePorts filter only sees declared ports (pkg/scheduler/util/utils.go, GetHostPorts) and never consults
/// hostNetwork (plugins/nodeports/node_ports.go, PreFilter returns Skip without ports), so a second pod using the
/// port can land on the node and fails to bind. A flag or variable that contradicts ports the container does
/// declare is HN011's, so each port is reported once.
/// </summary>
internal sealed class UndeclaredHostListener : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN010",
        "undeclared-host-listener",
        "A host-network container listens on a port it does not declare",
        Severity.Warning,
        RuleSection.WillNotRun)
    {
        Messages = [Messages.ListensUndeclared],
        Fixes = [Fixes.Declare],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN010's message: the container ({0}), the port ({1}) and where it is said ({2}).</summary>
    internal static class Messages
    {
        public static RuleText ListensUndeclared { get; } = new(
            nameof(ListensUndeclared),
            "container '{0}' listens on {1} ({2}) but does not declare it: the scheduler cannot see the port, so a second pod using it on the same node will crash with \"address already in use\"");
    }

    /// <summary>HN010's fix: the declaration ({0}) and the container ({1}).</summary>
    internal static class Fixes
    {
        public static RuleText Declare { get; } = new(nameof(Declare), "add {0} to the ports of container '{1}'");
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
            if (undeclared.ContradictsDeclaredPorts)
            {
                continue;
            }

            var container = undeclared.Container.Name;
            context.Report(
                Rule,
                workload,
                undeclared.Listener.FieldPath,
                Messages.ListensUndeclared.With(container, undeclared.PortText, undeclared.Listener.Evidence),
                Fixes.Declare.With(undeclared.Declaration, container));
        }
    }
}
