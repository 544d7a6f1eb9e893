using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN008: <c>hostUsers: false</c> with host network. Mirrors pkg/apis/core/validation/validation.go
/// (validateHostUsers). The API sees <c>hostUsers</c> only when the UserNamespacesSupport gate is on, by default
/// since 1.33; before, it drops the field on create (pkg/api/pod/util.go, dropDisabledFields) and accepts the pod.
/// The UserNamespacesHostNetworkSupport gate (alpha since 1.35, off by default) lifts the rejection. Since 1.34
/// (PR #132868) the detail names the field as the user writes it.
/// </summary>
internal sealed class HostNetworkUserNamespace : WorkloadRule
{
    /// <summary>The detail before 1.34.</summary>
    public const string Detail = "when `pod.Spec.HostUsers` is false";

    /// <summary>The detail from 1.34 on (PR #132868).</summary>
    public const string DetailSince134 = "when `hostUsers` is false";

    /// <summary>The release whose message names the field <c>hostUsers</c>.</summary>
    public static KubeVersion RewordedSince { get; } = new(1, 34);

    public static RuleDescriptor Rule { get; } = new(
        "HN008",
        "host-network-user-namespace",
        "hostUsers: false together with host network",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiError],
    };

    /// <summary>HN008's message: the API's error ({0}), with the detail of the release.</summary>
    internal static class Messages
    {
        public static RuleText ApiError { get; } = new(nameof(ApiError), "{0}");
    }

    /// <summary>The release whose API keeps <c>hostUsers</c> by default (UserNamespacesSupport beta on).</summary>
    public static KubeVersion UserNamespacesOnSince { get; } = new(1, 33);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (spec.HostNetwork && spec.HostUsers == false && context.Options.KubeVersion >= UserNamespacesOnSince)
        {
            var path = spec.Path + ".hostNetwork";
            var detail = context.Options.KubeVersion >= RewordedSince ? DetailSince134 : Detail;
            context.Report(Rule, workload, path, Messages.ApiError.With(FieldError.Forbidden(path, detail).ToString()));
        }
    }
}
