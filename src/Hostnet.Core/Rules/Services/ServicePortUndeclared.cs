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
        RuleSection.ServicesAndNetworkPolicy);

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var service in context.Services)
        {
            if (service.Selector is not { Count: > 0 } selector || service.Type == "ExternalName")
            {
                continue;
            }

            var hostNetwork = context.PodTemplates.SelectedBy(context.NamespaceOf(service), selector).Where(w => w.Spec.HostNetwork).ToList();
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
        var front = $"Service port {port.Port}/{port.Protocol} forwards to targetPort";
        if (target.IntValue is { } number)
        {
            context.Report(
                Rule,
                service,
                port.Path + ".targetPort",
                $"{front} {number}, which the host-network pods of {workload.DisplayName} do not declare: the endpoints are the nodes' addresses, so connections reach whatever listens on port {number} of each node, and the scheduler cannot keep that port free for the pods",
                $"declare containerPort {number} ({port.Protocol}) in the container that listens on it, or correct targetPort");
            return;
        }

        var names = workload.Spec.LongRunningContainers.SelectMany(c => c.Ports)
            .Where(p => !string.IsNullOrEmpty(p.Name))
            .Select(p => $"\"{p.Name}\" ({p.ContainerPortNumber}/{p.EffectiveProtocol})")
            .ToList();
        var declared = names.Count == 0 ? "they name no ports" : "they name " + string.Join(", ", names);
        context.Report(
            Rule,
            service,
            port.Path + ".targetPort",
            $"{front} \"{target.StringValue}\", but the host-network pods of {workload.DisplayName} have no {port.Protocol} port of that name ({declared}): the endpoints controller leaves those pods out of this Service port, so it gets no endpoints from them",
            $"name the container port \"{target.StringValue}\", or set targetPort to a declared port");
    }
}
