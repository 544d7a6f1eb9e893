using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Core.Runs;

/// <summary>
/// <c>hostnet dns</c> without its I/O: the pod a manifest's workload (or the command's flags) describes, in the
/// namespace kubectl would create it in, and what the API and the kubelet make of it (<see cref="PodDnsReport"/>).
/// </summary>
public static class DnsQuery
{
    /// <summary>The report on the workload read from a file, or on <paramref name="flagged"/> when there is none; null with the refusal when kubectl would refuse the file.</summary>
    public static PodDnsReport? Report(Workload? workload, string? namespaceFlag, PodDnsRequest flagged, KubeletDnsSettings kubelet, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        refusal = null;
        if (workload is null)
        {
            return PodDnsReport.Build(null, flagged, "spec", kubelet);
        }

        var written = workload.Metadata.Namespace;
        if (written is not null && namespaceFlag is not null && written != namespaceFlag)
        {
            // kubectl's own refusal for the same mismatch.
            refusal = $"the namespace from the provided object \"{written}\" does not match the namespace \"{namespaceFlag}\". You must pass '--namespace={written}' to perform this operation.";
            return null;
        }

        var pod = PodDnsRequest.For(workload.Spec, written ?? namespaceFlag ?? "default", PodName(workload));
        return PodDnsReport.Build(workload.DisplayName, pod, workload.Spec.Path, kubelet);
    }

    /// <summary>The <c>dnsConfig</c> the flags describe (options written NAME or NAME:VALUE), or null when they give none.</summary>
    public static DnsConfig? FlagsConfig(string[]? nameservers, string[]? searches, string[]? options)
    {
        if (nameservers is not { Length: > 0 } && searches is not { Length: > 0 } && options is not { Length: > 0 })
        {
            return null;
        }

        return new DnsConfig(
            "spec.dnsConfig",
            nameservers ?? [],
            searches ?? [],
            [.. (options ?? []).Select(o => o.Split(':', 2) is [var key, var value] ? new DnsOption(key, value) : new DnsOption(o, null))]);
    }

    /// <summary>The name the pod gets when it is known before it exists: a Pod's own, a StatefulSet's first ordinal.</summary>
    private static string? PodName(Workload workload) => workload.Kind switch
    {
        "Pod" when workload.Name.Length > 0 => workload.Name,
        "StatefulSet" => $"{workload.Name}-0",
        _ => null,
    };
}
