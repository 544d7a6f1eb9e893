using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Sysctls;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN006: a sysctl of the network namespace together with host network. Mirrors
/// pkg/apis/core/validation/validation.go (validateSysctls, ValidateHostSysctl), added in 1.29 (PR #118705); before,
/// the API accepted the pod and the kubelet refused to run it (pkg/kubelet/sysctl, event SysctlForbidden).
/// </summary>
internal sealed class HostNetworkSysctl : WorkloadRule
{
    public const string Detail = "may not be specified when 'hostNetwork' is true";

    public static RuleDescriptor Rule { get; } = new(
        "HN006",
        "host-network-sysctl",
        "A net.* sysctl together with host network",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiError, Messages.KubeletRefuses],
        Fixes = [Fixes.SetOnNodes],
    };

    /// <summary>HN006's messages: the API's error ({0}) since 1.29; before, the path ({0}), the quoted sysctl ({1}) and the release ({2}).</summary>
    internal static class Messages
    {
        public static RuleText ApiError { get; } = new(nameof(ApiError), "{0}");

        public static RuleText KubeletRefuses { get; } = new(
            nameof(KubeletRefuses),
            "{0}: {1} is a network sysctl and hostNetwork is true: Kubernetes {2} accepts the object, but the kubelet refuses to start the pod (SysctlForbidden), since the sysctl would change the node's own network namespace");
    }

    /// <summary>HN006's fix: the sysctl ({0}).</summary>
    internal static class Fixes
    {
        public static RuleText SetOnNodes { get; } = new(nameof(SetOnNodes), "remove the sysctl {0} from the pod and set it on the nodes instead");
    }

    /// <summary>The release whose API rejects the combination (PR #118705).</summary>
    public static KubeVersion RejectedByApiSince { get; } = new(1, 29);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork)
        {
            return;
        }

        foreach (var sysctl in spec.Sysctls.Where(s => SysctlNames.NamespaceOf(s.Name) == SysctlNamespace.Net))
        {
            var path = sysctl.Path + ".name";
            var message = context.Options.KubeVersion >= RejectedByApiSince
                ? Messages.ApiError.With(FieldError.Invalid(path, sysctl.Name, Detail).ToString())
                : Messages.KubeletRefuses.With(path, FieldError.GoQuote(sysctl.Name), context.Options.KubeVersion);
            context.Report(Rule, workload, path, message, Fixes.SetOnNodes.With(sysctl.Name));
        }
    }
}
