namespace Hostnet.Core.Admission;

/// <summary>
/// The IDs of what the policy itself forbids (beside the rule catalogue's IDs): they name findings, metrics and
/// <c>actions:</c> keys, and are used as audit annotation keys, so they stay lower-case label-name text.
/// </summary>
internal static class PolicyFinding
{
    /// <summary>Host networking by a workload the policy's <c>hostNetwork:</c> does not allow.</summary>
    public const string HostNetworkNotAllowed = "host-network-not-allowed";

    /// <summary>Host ports by a workload the policy's <c>hostPorts:</c> does not allow.</summary>
    public const string HostPortNotAllowed = "host-port-not-allowed";

    /// <summary>A host port outside the namespace's <c>hostPorts.ranges</c>.</summary>
    public const string HostPortOutOfRange = "host-port-out-of-range";

    public static IReadOnlyList<string> All { get; } = [HostNetworkNotAllowed, HostPortNotAllowed, HostPortOutOfRange];
}
