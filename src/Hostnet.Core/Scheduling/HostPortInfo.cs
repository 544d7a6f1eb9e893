using System.Runtime.InteropServices;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// The host ports in use on one node, as kube-scheduler records them: (host IP, protocol, port) claims with reference
/// counts, so that removing one of two identical claims keeps the port used. Mirrors
/// staging/src/k8s.io/kube-scheduler/framework/types.go (HostPortInfo: Add, Remove, Len, CheckConflict, sanitize):
/// host IP "" means 0.0.0.0, protocol "" means TCP, ports ≤ 0 are never recorded and never conflict. Upstream keys
/// the claims by IP; here they are kept by port number, since a check only ever compares claims of one number and a
/// node rarely has more than one claim per number.
/// </summary>
public sealed class HostPortInfo
{
    private readonly Dictionary<int, List<Claim>> _byPort = [];

    /// <summary>How many (IP, protocol, port) entries are recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The port numbers claimed at all.</summary>
    public IEnumerable<int> Numbers => _byPort.Keys;

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

    /// <summary>
    /// Whether a claim of (ip, protocol, port) conflicts: 0.0.0.0 conflicts with the port on any IP; another IP
    /// conflicts with the same IP string or with 0.0.0.0. IPs compare as strings ("::" is no wildcard).
    /// </summary>
    public bool CheckConflict(string ip, string protocol, int port)
    {
        if (port <= 0 || !_byPort.TryGetValue(port, out var claims))
        {
            return false;
        }

        (ip, protocol) = Sanitize(ip, protocol);
        var any = ip == HostPortBinding.AnyAddress;
        foreach (var claim in CollectionsMarshal.AsSpan(claims))
        {
            if (claim.Protocol == protocol && (any || claim.Ip == HostPortBinding.AnyAddress || claim.Ip == ip))
            {
                return true;
            }
        }

        return false;
    }

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

    private static (string Ip, string Protocol) Sanitize(string ip, string protocol) =>
        (string.IsNullOrEmpty(ip) ? HostPortBinding.AnyAddress : ip, string.IsNullOrEmpty(protocol) ? "TCP" : protocol);

    /// <summary>One (IP, protocol) claim of a port number, with how many pods hold it.</summary>
    private record struct Claim(string Ip, string Protocol)
    {
        public int Count { get; set; }
    }
}
