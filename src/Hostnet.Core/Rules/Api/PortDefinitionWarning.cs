using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN021: the API server accepts the object but warns about its ports (pkg/api/pod/warnings.go, 1.28+): a hostIP
/// without hostPort, and ports that repeat or overlap an earlier one across containers, native sidecars included.
/// The message is the warning as kubectl prints it. On the host network two long-running containers that declare
/// the same port both bind it on the node, so one of them crash-loops: that case is said too.
/// </summary>
internal sealed class PortDefinitionWarning : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN021",
        "port-definition-warning",
        "The API server warns about a port definition (hostIP without hostPort, duplicate or ambiguous ports)",
        Severity.Warning,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiWarning, Messages.ApiWarningBothBind],
        Fixes = [Fixes.DeclareOnce],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN021's messages: the API's warning ({0}), and what it means when two running containers bind the port.</summary>
    internal static class Messages
    {
        public static RuleText ApiWarning { get; } = new(nameof(ApiWarning), "Warning: {0}");

        public static RuleText ApiWarningBothBind { get; } = new(
            nameof(ApiWarningBothBind),
            "Warning: {0}: on the host network both containers bind this port on the node, so the one that starts second crash-loops with \"address already in use\"");
    }

    internal static class Fixes
    {
        public static RuleText DeclareOnce { get; } = new(nameof(DeclareOnce), "declare each port once, in the container that listens on it; give hostIP together with hostPort");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        List<Container>? longRunning = null;
        foreach (var warning in PortWarnings.Of(spec, workload.IsPod, context.Options.KubeVersion))
        {
            var bothBind = spec.HostNetwork && warning.Other is { } other && BothBind(longRunning ??= [.. spec.LongRunningContainers], warning.Field, other);
            var message = (bothBind ? Messages.ApiWarningBothBind : Messages.ApiWarning).With(warning.Text);
            context.Report(Rule, workload, warning.Field, message, Fixes.DeclareOnce.Text);
        }
    }

    /// <summary>Whether the two ports belong to two different containers that run at the same time.</summary>
    private static bool BothBind(List<Container> longRunning, string port, string other)
    {
        var first = longRunning.FirstOrDefault(c => c.Ports.Any(p => p.Path == port));
        var second = longRunning.FirstOrDefault(c => c.Ports.Any(p => p.Path == other));
        return first is not null && second is not null && !ReferenceEquals(first, second);
    }
}
