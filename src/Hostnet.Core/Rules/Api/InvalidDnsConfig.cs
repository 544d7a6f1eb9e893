using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN007: <c>dnsPolicy: None</c> without a usable <c>dnsConfig</c>, or a <c>dnsConfig</c> beyond the API's limits
/// (pkg/apis/core/validation/validation.go, validatePodDNSConfig; see <see cref="DnsConfigValidation"/>).
/// </summary>
internal sealed class InvalidDnsConfig : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN007",
        "invalid-dns-config",
        "dnsPolicy None without dnsConfig or nameservers, or dnsConfig beyond the API's limits",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.ApiError],
    };

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>HN007's message: the API's error ({0}), which says what it wants.</summary>
    internal static class Messages
    {
        public static RuleText ApiError { get; } = new(nameof(ApiError), "{0}");
    }

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        foreach (var error in DnsConfigValidation.Validate(spec, context.Options.KubeVersion))
        {
            // A missing dnsConfig is pointed at through the policy that requires it.
            var at = spec.DnsConfig is null ? spec.Path + ".dnsPolicy" : error.Field;
            context.Report(Rule, workload, at, Messages.ApiError.With(error.ToString()));
        }
    }
}
