using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Services;

/// <summary>
/// HN041: a Service port whose <c>targetPort</c> (by default its <c>port</c>) matches no declared port of the
/// host-network pods it selects. A name is resolved as the endpoints controllers resolve it (pkg/api/v1/pod/util.go,
/// FindPort: regular and sidecar containers, same name and protocol); when it does not resolve, the pod is left out of
/// that port. A number is used as is: the endpoint is the node's address, so traffic reaches whatever listens there,
/// while the scheduler, not seeing the port declared, cannot keep it free (SEMANTICS.md §7).
/// </summary>
internal sealed class ServicePortUndeclared : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN041",
        "service-port-undeclared",
        "A Service's targetPort matches no declared port of the host-network pods it selects",
        Severity.Warning,
        RuleSection.ServicesAndNetworkPolicy)
    {
        Messages = [Messages.NumberUndeclared, Messages.NameUndeclared, Messages.NoNames, Messages.Names],
        Fixes = [Fixes.DeclareNumber, Fixes.NameThePort],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN041's messages: the Service port ({0}) and protocol ({1}), the targetPort ({2}) and the workload ({3}); for a
    /// named targetPort also the names the pods have ({4}: NoNames, or Names with the list).
    /// </summary>
    internal static class Messages
    {
        public static RuleText NumberUndeclared { get; } = new(
            nameof(NumberUndeclared),
            "Service port {0}/{1} forwards to targetPort {2}, which the host-network pods of {3} do not declare: the endpoints are the nodes' addresses, so connections reach whatever listens on port {2} of each node, and the scheduler cannot keep that port free for the pods");

        public static RuleText NameUndeclared { get; } = new(
            nameof(NameUndeclared),
            "Service port {0}/{1} forwards to targetPort \"{2}\", but the host-network pods of {3} have no {1} port of that name ({4}): the endpoints controller leaves those pods out of this Service port, so it gets no endpoints from them");

        public static RuleText NoNames { get; } = new(nameof(NoNames), "they name no ports");

        public static RuleText Names { get; } = new(nameof(Names), "they name {0}");
    }

    /// <summary>HN041's fixes: the port ({0}) and protocol ({1}), or the name ({0}).</summary>
    internal static class Fixes
    {
        public static RuleText DeclareNumber { get; } = new(nameof(DeclareNumber), "declare containerPort {0} ({1}) in the container that listens on it, or correct targetPort");

        public static RuleText NameThePort { get; } = new(nameof(NameThePort), "name the container port \"{0}\", or set targetPort to a declared port");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var service in context.Services)
        {
            if (service.Selector is not { Count: > 0 } selector || service.Type == "ExternalName")
            {
                continue;
            }

            // Most Services select no host-network pods: no list, closures or iterators for them.
            List<Workload>? hostNetwork = null;
            foreach (var selected in context.PodTemplates.SelectedBy(context.NamespaceOf(service), selector))
            {
                if (selected.Spec.HostNetwork)
                {
                    (hostNetwork ??= []).Add(selected);
                }
            }

            if (hostNetwork is null)
            {
                continue;
            }

            foreach (var port in service.Ports)
            {
                var target = port.TargetPort ?? IntOrString.FromInt(port.Port);
                foreach (var workload in hostNetwork.Where(w => !Declares(w.Spec, target, port.Protocol)))
                {
                    Report(context, service, port, target, workload);
                }
            }
        }
    }

    private static bool Declares(PodSpec spec, IntOrString target, string protocol) =>
        spec.LongRunningContainers.SelectMany(c => c.Ports).Any(p =>
            p.EffectiveProtocol == protocol
            && (target.IntValue is { } number ? p.ContainerPortNumber == number : p.Name == target.StringValue));

    private static void Report(AnalysisContext context, Service service, ServicePort port, IntOrString target, Workload workload)
    {
        if (target.IntValue is { } number)
        {
            context.Report(
                Rule,
                service,
                port.Path + ".targetPort",
                Messages.NumberUndeclared.With(port.Port, port.Protocol, number, workload.DisplayName),
                Fixes.DeclareNumber.With(number, port.Protocol));
            return;
        }

        var names = workload.Spec.LongRunningContainers.SelectMany(c => c.Ports)
            .Where(p => !string.IsNullOrEmpty(p.Name))
            .Select(p => $"\"{p.Name}\" ({p.ContainerPortNumber}/{p.EffectiveProtocol})")
            .ToList();
        var declared = names.Count == 0 ? Messages.NoNames.Text : Messages.Names.With(string.Join(", ", names));
        context.Report(
            Rule,
            service,
            port.Path + ".targetPort",
            Messages.NameUndeclared.With(port.Port, port.Protocol, target.StringValue, workload.DisplayName, declared),
            Fixes.NameThePort.With(target.StringValue));
    }
}
