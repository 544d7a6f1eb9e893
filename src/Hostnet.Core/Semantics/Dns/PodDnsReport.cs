using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>Everything <c>hostnet dns</c> says about one pod: the API's verdict, the kubelet's result, its events and why.</summary>
/// <param name="Workload"><c>Kind/name</c> of the workload read from a file, or null for a pod described by flags.</param>
/// <param name="ApiErrors">The API's errors; when there are any, the pod is rejected and <paramref name="Result"/> is null.</param>
/// <param name="Warnings">Node events about the kubelet's resolv.conf, then the events of forming the pod's configuration.</param>
public sealed record PodDnsReport(
    string? Workload,
    PodDnsRequest Pod,
    IReadOnlyList<FieldError> ApiErrors,
    PodDnsResult? Result,
    IReadOnlyList<KubeletEvent> Warnings,
    IReadOnlyList<string> Explanation)
{
    /// <summary>The hostname and /etc/hosts of a pod the API accepts; null when it rejects it.</summary>
    public PodHosts? Hosts { get; init; }

    /// <summary>Whether the pod runs without a resolv.conf of its own: rejected by the API or no sandbox on the node.</summary>
    public bool Fails => Result?.Config is null || Hosts?.Error is not null;

    public static PodDnsReport Build(string? workload, PodDnsRequest pod, string specPath, KubeletDnsSettings kubelet)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(kubelet);
        var errors = pod.Validate(specPath, kubelet.Version);
        if (errors.Count > 0)
        {
            var rejected = "The API rejects it, so no pod is created and no kubelet writes a resolv.conf.";
            if (pod.DnsPolicy is { } written && !DnsPolicy.Supported.Contains(written) && Spelling.Nearest(written, DnsPolicy.Supported) is { } suggestion)
            {
                rejected += $" Did you mean dnsPolicy: {suggestion}?";
            }

            return new PodDnsReport(workload, pod, errors, null, [], [rejected]);
        }

        var result = PodDns.Generate(pod, kubelet);
        IReadOnlyList<KubeletEvent> warnings = [.. new[] { ResolvConfLimits.Check(kubelet) }.OfType<KubeletEvent>(), .. result.Events];
        return new PodDnsReport(workload, pod, [], result, warnings, PodDnsExplanation.Explain(pod, kubelet, result)) { Hosts = PodHosts.For(pod, kubelet) };
    }
}
