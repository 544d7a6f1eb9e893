using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN008: <c>hostUsers: false</c> with host network. Mirrors pkg/apis/core/validation/validation.go
/// (validateHostUsers). The API sees <c>hostUsers</c> only when the UserNamespacesSupport gate is on, by default
/// since 1.33; before, it drops the field on create (pkg/api/pod/util.go, dropDisabledFields) and accepts the pod.
/// The UserNamespacesHostNetworkSupport gate (alpha since 1.35, off by default) lifts the rejection.
/// </summary>
public sealed class HostNetworkUserNamespace : WorkloadRule
{
    public const string Detail = "when `pod.Spec.HostUsers` is false";

    public static RuleDescriptor Rule { get; } = new(
        "HN008",
        "host-network-user-namespace",
        "hostUsers: false together with host network",
        Severity.Error,
        "A. The API server would reject it");

    /// <summary>The release whose API keeps <c>hostUsers</c> by default (UserNamespacesSupport beta on).</summary>
    public static KubeVersion UserNamespacesOnSince { get; } = new(1, 33);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (spec.HostNetwork && spec.HostUsers == false && context.Options.KubeVersion >= UserNamespacesOnSince)
        {
            var path = spec.Path + ".hostNetwork";
            context.Report(Rule, workload, path, FieldError.Forbidden(path, Detail).ToString());
        }
    }
}
