using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN020: a field the API accepts only with host network, or only without it. Mirrors
/// pkg/apis/core/validation/validation.go: validateWindowsHostProcessPod (a Windows HostProcess container needs
/// <c>hostNetwork: true</c>, and then every container must be one; pod and container values must agree), and
/// validatePodHostName (<c>hostnameOverride</c> is forbidden with host network; the HostnameOverride gate is on by
/// default from 1.35, before which the API drops the field: pkg/api/pod/util.go, dropDisabledFields).
/// </summary>
internal sealed class HostNetworkFieldRejected : WorkloadRule
{
    public const string HostNetworkRequired = "hostNetwork must be true if pod contains any hostProcess containers";

    public const string AllOrNone = "If pod contains any hostProcess containers then all containers must be HostProcess containers";

    public const string HostnameOverrideForbidden = "may not be specified when hostNetwork is true";

    public static RuleDescriptor Rule { get; } = new(
        "HN020",
        "host-network-field-rejected",
        "A field the API accepts only with host network (HostProcess) or only without it (hostnameOverride)",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiError],
        Fixes = [Fixes.AllHostProcess, Fixes.RemoveHostnameOverride],
    };

    /// <summary>HN020's message: the API's error ({0}).</summary>
    internal static class Messages
    {
        public static RuleText ApiError { get; } = new(nameof(ApiError), "{0}");
    }

    /// <summary>HN020's fixes: for a Windows HostProcess pod, and for <c>hostnameOverride</c>.</summary>
    internal static class Fixes
    {
        public static RuleText AllHostProcess { get; } = new(
            nameof(AllHostProcess),
            "Windows HostProcess pods run on the node's network: set hostNetwork: true and make every container a HostProcess container");

        public static RuleText RemoveHostnameOverride { get; } = new(nameof(RemoveHostnameOverride), "remove hostnameOverride: a host-network pod has the node's hostname");
    }

    /// <summary>The release whose API keeps <c>hostnameOverride</c> by default (HostnameOverride beta).</summary>
    public static KubeVersion HostnameOverrideOnSince { get; } = new(1, 35);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        foreach (var error in WindowsHostProcess(spec))
        {
            context.Report(Rule, workload, error.Field, Messages.ApiError.With(error.ToString()), Fixes.AllHostProcess.Text);
        }

        if (spec.HostNetwork && spec.HostnameOverride is not null && context.Options.KubeVersion >= HostnameOverrideOnSince)
        {
            var path = spec.Path + ".hostnameOverride";
            context.Report(Rule, workload, path, Messages.ApiError.With(FieldError.Forbidden(path, HostnameOverrideForbidden).ToString()), Fixes.RemoveHostnameOverride.Text);
        }
    }

    /// <summary>validateWindowsHostProcessPod's errors, in its order (the containers visited init, regular, ephemeral).</summary>
    private static List<FieldError> WindowsHostProcess(PodSpec spec)
    {
        var errors = new List<FieldError>();
        var podValue = spec.SecurityContext.WindowsHostProcess;
        var containers = spec.AllContainers.ToList();
        var hostProcessContainers = 0;
        foreach (var container in containers)
        {
            var value = container.SecurityContext.WindowsHostProcess;
            if (podValue is { } pod && value is { } own && pod != own)
            {
                errors.Add(FieldError.Invalid(
                    container.Path + ".securityContext.windowsOptions.hostProcess",
                    own,
                    "pod hostProcess value must be identical if both are specified, was " + pod.ToString(CultureInfo.InvariantCulture).ToLowerInvariant()));
            }

            if (value ?? podValue ?? false)
            {
                hostProcessContainers++;
            }
        }

        if (hostProcessContainers > 0)
        {
            if (hostProcessContainers != containers.Count)
            {
                errors.Add(FieldError.Invalid(spec.Path, string.Empty, AllOrNone));
            }

            if (!spec.HostNetwork)
            {
                errors.Add(FieldError.Invalid(spec.Path + ".hostNetwork", false, HostNetworkRequired));
            }
        }

        return errors;
    }
}
