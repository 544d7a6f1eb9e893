using System.Runtime.InteropServices;

namespace Hostnet.Core.Semantics.Ports;

/// <summary>
/// Host-port conflicts as kube-scheduler decides them, the one place hostnet decides them: the NodePorts filter and
/// kubelet admission (through <c>NodeInfo.UsedPorts</c>), HN012 and HN030 (through
/// <see cref="HostPortBinding.ConflictsWith"/>) and the audit's port clashes all ask here. Mirrors
/// staging/src/k8s.io/kube-scheduler/framework/types.go (v1.35; pkg/scheduler/framework/types.go before 1.33),
/// HostPortInfo: <c>sanitize</c> (host IP "" is 0.0.0.0, protocol "" is TCP), <c>Add</c>, <c>Remove</c>, <c>Len</c>
/// and <c>CheckConflict</c> (0.0.0.0 conflicts with the port on any IP; another IP with the same IP string or with
/// 0.0.0.0; IPs compare as strings, so "::" is no wildcard); ports ≤ 0 are never recorded and never conflict.
/// An instance is the set of (IP, protocol, port) claims on one node, with reference counts, so that removing one of
/// two identical claims keeps the port used. Upstream keys the claims by IP; here they are kept by port number, since
/// a check only ever compares claims of one number and a node rarely has more than one claim per number.
/// </summary>
public sealed class HostPortInfo
{
    /// <summary>The host IP that means every address (upstream DefaultBindAllHostIP).</summary>
    public const string DefaultBindAllHostIP = "0.0.0.0";

    /// <summary>The protocol of a port that names none.</summary>
    public const string DefaultProtocol = "TCP";

    private readonly Dictionary<int, List<Claim>> _byPort = [];

    /// <summary>How many (IP, protocol, port) entries are recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The port numbers claimed at all.</summary>
    public IEnumerable<int> Numbers => _byPort.Keys;

    /// <summary>The host IP and protocol as the scheduler stores them (upstream <c>sanitize</c>).</summary>
    public static (string Ip, string Protocol) Sanitize(string? ip, string? protocol) =>
        (string.IsNullOrEmpty(ip) ? DefaultBindAllHostIP : ip, string.IsNullOrEmpty(protocol) ? DefaultProtocol : protocol);

    /// <summary>
    /// Whether two claims conflict on one node: what <see cref="CheckConflict"/> answers for one claim against a set
    /// holding only the other.
    /// </summary>
    public static bool Conflict(string ip, string protocol, int port, string otherIp, string otherProtocol, int otherPort)
    {
        if (port <= 0 || port != otherPort)
        {
            return false;
        }

        (ip, protocol) = Sanitize(ip, protocol);
        (otherIp, otherProtocol) = Sanitize(otherIp, otherProtocol);
        return protocol == otherProtocol && IpsOverlap(ip == DefaultBindAllHostIP, ip, otherIp);
    }

    /// <summary>
    /// Whether two sockets of one port and protocol on a node's host network cannot both be bound, as Linux decides
    /// rather than the scheduler: either side on every address (0.0.0.0, or :: which also takes IPv4 under the default
    /// <c>net.ipv6.bindv6only=0</c>; "" as <see cref="Sanitize"/> reads it) or both on the same address. The planner's
    /// start-up replay and the agent's HN062 ask this; the scheduler's <see cref="CheckConflict"/> knows only 0.0.0.0.
    /// </summary>
    public static bool BindsOverlap(string address, string otherAddress) =>
        IsEveryAddress(address) || IsEveryAddress(otherAddress) || string.Equals(address, otherAddress, StringComparison.OrdinalIgnoreCase);

    public void Add(string ip, string protocol, int port)
    {
        if (port <= 0)
        {
            return;
        }

        (ip, protocol) = Sanitize(ip, protocol);
        ref var claims = ref CollectionsMarshal.GetValueRefOrAddDefault(_byPort, port, out _);
        claims ??= [];
        var index = IndexOf(claims, ip, protocol);
        if (index >= 0)
        {
            CollectionsMarshal.AsSpan(claims)[index].Count++;
            return;
        }

        claims.Add(new Claim(ip, protocol) { Count = 1 });
        Count++;
    }

    public void Remove(string ip, string protocol, int port)
    {
        (ip, protocol) = Sanitize(ip, protocol);
        if (port <= 0 || !_byPort.TryGetValue(port, out var claims))
        {
            return;
        }

        var index = IndexOf(claims, ip, protocol);
        if (index < 0)
        {
            return;
        }

        ref var claim = ref CollectionsMarshal.AsSpan(claims)[index];
        if (--claim.Count > 0)
        {
            return;
        }

        claims.RemoveAt(index);
        Count--;
        if (claims.Count == 0)
        {
            _byPort.Remove(port);
        }
    }

    /// <summary>Whether a claim of (ip, protocol, port) conflicts with one recorded here.</summary>
    public bool CheckConflict(string ip, string protocol, int port)
    {
        if (port <= 0 || !_byPort.TryGetValue(port, out var claims))
        {
            return false;
        }

        (ip, protocol) = Sanitize(ip, protocol);
        var any = ip == DefaultBindAllHostIP;
        foreach (var claim in CollectionsMarshal.AsSpan(claims))
        {
            if (claim.Protocol == protocol && IpsOverlap(any, ip, claim.Ip))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a claim on <paramref name="ip"/> (<paramref name="any"/>: it is 0.0.0.0) meets one on <paramref name="recorded"/>.</summary>
    private static bool IpsOverlap(bool any, string ip, string recorded) =>
        any || recorded == DefaultBindAllHostIP || recorded == ip;

    private static bool IsEveryAddress(string address) => address is "" or DefaultBindAllHostIP or "::";

    private static int IndexOf(List<Claim> claims, string ip, string protocol)
    {
        var span = CollectionsMarshal.AsSpan(claims);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Ip == ip && span[i].Protocol == protocol)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One (IP, protocol) claim of a port number, with how many pods hold it.</summary>
    private record struct Claim(string Ip, string Protocol)
    {
        public int Count { get; set; }
    }
}
