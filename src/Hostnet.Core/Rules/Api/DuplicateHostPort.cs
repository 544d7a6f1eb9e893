using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN003: the same protocol/hostIP/hostPort twice in one pod, grouped as the API groups them
/// (pkg/apis/core/validation/validation.go, AccumulateUniqueHostPorts; see <see cref="HostPortUniqueness"/>).
/// The host ports are those the API validates: a Pod on the host network has its zero hostPorts filled in from
/// containerPort first; a template only before 1.28. A template whose duplicates appear only once its Pods are
/// defaulted is accepted, but every Pod created from it is rejected, so it is reported too.
/// </summary>
internal sealed class DuplicateHostPort : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN003",
        "duplicate-host-port",
        "The same protocol/hostIP/hostPort twice in one pod",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiError, Messages.PodsRejected],
        Fixes = [Fixes.RemoveRepeated],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN003's messages: the API's error ({0}), for the object or for the Pods created from its template.</summary>
    internal static class Messages
    {
        public static RuleText ApiError { get; } = new(nameof(ApiError), "{0}");

        public static RuleText PodsRejected { get; } = new(
            nameof(PodsRejected),
            "Pods created from this template are rejected: {0} (on the host network each Pod's hostPort is filled in from containerPort; the controller reports FailedCreate and no pod starts)");
    }

    /// <summary>HN003's fix: the repeated protocol/hostIP/hostPort ({0}).</summary>
    internal static class Fixes
    {
        public static RuleText RemoveRepeated { get; } = new(nameof(RemoveRepeated), "remove the repeated port {0}, or move one of the listeners to another port");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        var version = context.Options.KubeVersion;
        var stored = HostPortUniqueness.Duplicates(spec, p => p.UndecodableNumber ? 0 : HostPorts.Stored(p, spec, workload.IsPod, version));
        foreach (var duplicate in stored)
        {
            context.Report(Rule, workload, At(duplicate), Messages.ApiError.With(duplicate.ErrorAt(spec.Path).ToString()), Fixes.RemoveRepeated.With(duplicate.Key));
        }

        // Off the host network, a template's pods get no host port defaulted: they repeat what the template repeats.
        if (workload.IsPod || !spec.HostNetwork)
        {
            return;
        }

        var reported = stored.Select(d => d.Port).ToHashSet();
        foreach (var duplicate in HostPortUniqueness.Duplicates(spec, p => p.UndecodableNumber ? 0 : HostPorts.InPod(p, spec)))
        {
            if (!reported.Contains(duplicate.Port))
            {
                context.Report(
                    Rule,
                    workload,
                    At(duplicate),
                    Messages.PodsRejected.With(duplicate.ErrorAt("spec")),
                    Fixes.RemoveRepeated.With(duplicate.Key));
            }
        }
    }

    /// <summary>The written hostPort, or the containerPort it was filled in from.</summary>
    private static string At(HostPortDuplicate duplicate) =>
        duplicate.Port.Path + (duplicate.Port.HostPort != 0 ? ".hostPort" : ".containerPort");
}
