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
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.NotSupported, Messages.NotSupportedNear],
        Fixes = [Fixes.SetNearest],
    };

    public override RuleDescriptor Descriptor => Rule;

    private const string SuggestionPrefix = " (did you mean ";

    /// <summary>HN001's messages: the API's error ({0}), then the nearest valid value ({1}) when one is near enough.</summary>
    internal static class Messages
    {
        public static RuleText NotSupported { get; } = new(nameof(NotSupported), "{0}");

        public static RuleText NotSupportedNear { get; } = new(nameof(NotSupportedNear), "{0}" + SuggestionPrefix + "\"{1}\"?)");
    }

    /// <summary>HN001's fix: the nearest valid value ({0}).</summary>
    internal static class Fixes
    {
        public static RuleText SetNearest { get; } = new(nameof(SetNearest), "set dnsPolicy: {0}");
    }

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
        var error = FieldError.NotSupported(path, written, DnsPolicy.Supported).ToString();
        if (Suggestion(written) is { } suggestion)
        {
            context.Report(Rule, workload, path, Messages.NotSupportedNear.With(error, suggestion), Fixes.SetNearest.With(suggestion));
            return;
        }

        context.Report(Rule, workload, path, Messages.NotSupported.With(error));
    }
}
