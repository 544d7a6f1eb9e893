using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN002: on the host network a regular container's <c>hostPort</c> differs from its <c>containerPort</c>.
/// Mirrors pkg/apis/core/validation/validation.go (validatePodHostNetworkDeps): a Pod's hostPort must equal its
/// containerPort (a zero one was filled in by defaulting, so only an explicit other value fails); a template may
/// leave it 0. Init containers are not checked.
/// </summary>
internal sealed class HostPortMismatch : WorkloadRule
{
    public const string Detail = "must match `containerPort` when `hostNetwork` is true";

    public static RuleDescriptor Rule { get; } = new(
        "HN002",
        "host-port-mismatch",
        "Host network and a container's hostPort differs from its containerPort",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiError],
        Fixes = [Fixes.MatchContainerPort, Fixes.MatchInvalidContainerPort],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN002's message: the API's error ({0}).</summary>
    internal static class Messages
    {
        public static RuleText ApiError { get; } = new(nameof(ApiError), "{0}");
    }

    /// <summary>HN002's fixes: with the container port ({0}), or without it when it is not a valid port itself.</summary>
    internal static class Fixes
    {
        public static RuleText MatchContainerPort { get; } = new(nameof(MatchContainerPort), "set hostPort to the containerPort ({0}), or remove hostPort");

        public static RuleText MatchInvalidContainerPort { get; } = new(nameof(MatchInvalidContainerPort), "set hostPort to the containerPort, or remove hostPort");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork)
        {
            return;
        }

        // Indexed loops: every host-network workload comes here, and most of their ports match.
        for (var c = 0; c < spec.Containers.Count; c++)
        {
            var ports = spec.Containers[c].Ports;
            for (var p = 0; p < ports.Count; p++)
            {
                if (!ports[p].UndecodableNumber)
                {
                    Check(workload, context, ports[p]);
                }
            }
        }
    }

    /// <summary>One port of a host-network workload: its host port must be its container port.</summary>
    private static void Check(Workload workload, AnalysisContext context, ContainerPort port)
    {
        var hostPort = HostPorts.Stored(port, workload.Spec, workload.IsPod, context.Options.KubeVersion);
        if ((workload.IsPod || hostPort != 0) && hostPort != port.ContainerPortNumber)
        {
            var path = port.Path + ".hostPort";
            context.Report(
                Rule,
                workload,
                path,
                Messages.ApiError.With(FieldError.Invalid(path, hostPort, Detail).ToString()),
                ContainerPortValidation.IsValidPortNum(port.ContainerPortNumber)
                    ? Fixes.MatchContainerPort.With(port.ContainerPortNumber)
                    : Fixes.MatchInvalidContainerPort.Text);
        }
    }
}
