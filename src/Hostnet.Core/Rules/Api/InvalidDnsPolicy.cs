using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Dns;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN001: a <c>dnsPolicy</c> the API rejects. The message is the API's own (pkg/apis/core/validation/validation.go,
/// validateDNSPolicy) followed by the nearest valid value.
/// </summary>
internal sealed class InvalidDnsPolicy : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN001",
        "invalid-dns-policy",
        "dnsPolicy is not one of ClusterFirst, ClusterFirstWithHostNet, Default, None",
        Severity.Error,
        RuleSection.ApiServerRejects);

    public override RuleDescriptor Descriptor => Rule;

    private const string SuggestionPrefix = " (did you mean ";

    /// <summary>The message as the API server gives it, without the spelling suggestion hostnet adds.</summary>
    public static string WithoutSuggestion(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var suggestion = message.IndexOf(SuggestionPrefix, StringComparison.Ordinal);
        return suggestion < 0 ? message : message[..suggestion];
    }

    /// <summary>The value <c>hostnet fix</c> writes instead, or null when nothing is near enough.</summary>
    public static string? Suggestion(string written) => Spelling.Nearest(written, DnsPolicy.Supported);

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var written = workload.Spec.DnsPolicy;
        if (string.IsNullOrEmpty(written) || DnsPolicy.Supported.Contains(written))
        {
            return;
        }

        var path = workload.Spec.Path + ".dnsPolicy";
        var message = FieldError.NotSupported(path, written, DnsPolicy.Supported).ToString();
        var suggestion = Suggestion(written);
        string? fix = null;
        if (suggestion is not null)
        {
            message += $"{SuggestionPrefix}\"{suggestion}\"?)";
            fix = $"set dnsPolicy: {suggestion}";
        }

        context.Report(Rule, workload, path, message, fix);
    }
}
