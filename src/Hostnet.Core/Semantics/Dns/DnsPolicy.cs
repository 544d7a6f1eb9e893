namespace Hostnet.Core.Semantics.Dns;

/// <summary>
/// The DNS policies and how the kubelet turns them into a resolver type.
/// Mirrors pkg/apis/core/validation/validation.go (validateDNSPolicy) and pkg/kubelet/network/dns/dns.go (getPodDNSType).
/// </summary>
internal static class DnsPolicy
{
    public const string ClusterFirstWithHostNet = "ClusterFirstWithHostNet";
    public const string ClusterFirst = "ClusterFirst";
    public const string Default = "Default";
    public const string None = "None";

    /// <summary>The valid values in the order the API lists them in its error message (code order, not sorted).</summary>
    public static IReadOnlyList<string> Supported { get; } = [ClusterFirstWithHostNet, ClusterFirst, Default, None];

    /// <summary>The policy after API defaulting: empty becomes ClusterFirst (SetDefaults_PodSpec).</summary>
    public static string Effective(string? written) => string.IsNullOrEmpty(written) ? ClusterFirst : written;

    /// <summary>The kubelet's choice of resolver for a pod (SEMANTICS.md §5.1).</summary>
    public static DnsType TypeFor(string? written, bool hostNetwork) => Effective(written) switch
    {
        ClusterFirstWithHostNet => DnsType.Cluster,
        ClusterFirst => hostNetwork ? DnsType.Host : DnsType.Cluster,
        Default => DnsType.Host,
        _ => DnsType.None,
    };
}
