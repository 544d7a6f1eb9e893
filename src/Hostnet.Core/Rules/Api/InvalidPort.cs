using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN005: a container port the API refuses: <c>containerPort</c> missing, 0 or outside 1–65535, a non-zero
/// <c>hostPort</c> outside that range, a protocol other than TCP/UDP/SCTP (pkg/apis/core/validation/validation.go,
/// validateContainerPorts, run for regular, init and ephemeral containers alike), or any port on an ephemeral
/// container (validateEphemeralContainers, allowedEphemeralContainerFields).
/// </summary>
internal sealed class InvalidPort : WorkloadRule
{
    public const string EphemeralDetail = "cannot be set for an Ephemeral Container";

    public static RuleDescriptor Rule { get; } = new(
        "HN005",
        "invalid-port",
        "containerPort missing or out of range, hostPort out of range, or protocol not TCP/UDP/SCTP",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiError],
        Fixes = [Fixes.RemoveEphemeralPorts],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN005's message: the API's error ({0}).</summary>
    internal static class Messages
    {
        public static RuleText ApiError { get; } = new(nameof(ApiError), "{0}");
    }

    /// <summary>HN005's fix, for the ports of an ephemeral container; the other errors say what the API wants.</summary>
    internal static class Fixes
    {
        public static RuleText RemoveEphemeralPorts { get; } = new(nameof(RemoveEphemeralPorts), "remove the ports of the ephemeral container");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        foreach (var container in workload.Spec.AllContainers)
        {
            // Indexed loops: every declared port of every workload comes here, and almost all pass.
            var ports = container.Ports;
            for (var p = 0; p < ports.Count; p++)
            {
                if (ports[p].UndecodableNumber)
                {
                    continue;
                }

                var errors = ContainerPortValidation.Validate(ports[p]);
                for (var e = 0; e < errors.Count; e++)
                {
                    context.Report(Rule, workload, errors[e].Field, Messages.ApiError.With(errors[e].ToString()));
                }
            }

            if (container.Kind == ContainerKind.Ephemeral && container.Ports.Count > 0)
            {
                var path = container.Path + ".ports";
                context.Report(Rule, workload, path, Messages.ApiError.With(FieldError.Forbidden(path, EphemeralDetail).ToString()), Fixes.RemoveEphemeralPorts.Text);
            }
        }
    }
}
