using System.Runtime.CompilerServices;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// The host ports in use on one node, as kube-scheduler records them: host IP → (protocol, port), with reference
/// counts so that removing one of two identical claims keeps the port used. Mirrors
/// staging/src/k8s.io/kube-scheduler/framework/types.go (HostPortInfo: Add, Remove, Len, CheckConflict, sanitize):
/// host IP "" means 0.0.0.0, protocol "" means TCP, ports ≤ 0 are never recorded and never conflict.
/// </summary>
public sealed class HostPortInfo
{
    private readonly Dictionary<string, Dictionary<(string Protocol, int Port), int>> _byIp = new(StringComparer.Ordinal);

    /// <summary>Claims by port number alone, whatever the IP and protocol: most checks end at "this port is not used here".</summary>
    private readonly Dictionary<int, int> _byPort = [];

    /// <summary>
    /// Bit <c>port % 256</c> set for every claimed number: a clear bit proves the number unclaimed without a lookup,
    /// which is the answer on almost every node the scheduler filters.
    /// </summary>
    private NumberMask _numbers;

    /// <summary>How many (IP, protocol, port) entries are recorded.</summary>
    public int Count => _byIp.Values.Sum(ports => ports.Count);

    public void Add(string ip, string protocol, int port)
    {
        if (port <= 0)
        {
            return;
        }

        (ip, protocol) = Sanitize(ip, protocol);
        if (!_byIp.TryGetValue(ip, out var ports))
        {
            _byIp[ip] = ports = [];
        }

        ports[(protocol, port)] = ports.GetValueOrDefault((protocol, port)) + 1;
        _byPort[port] = _byPort.GetValueOrDefault(port) + 1;
        _numbers.Add(port);
    }

    public void Remove(string ip, string protocol, int port)
    {
        if (port <= 0)
        {
            return;
        }

        (ip, protocol) = Sanitize(ip, protocol);
        if (!_byIp.TryGetValue(ip, out var ports) || !ports.TryGetValue((protocol, port), out var count))
        {
            return;
        }

        if (_byPort[port] > 1)
        {
            _byPort[port]--;
        }
        else
        {
            _byPort.Remove(port);
            _numbers = default;
            foreach (var number in _byPort.Keys)
            {
                _numbers.Add(number);
            }
        }

        if (count > 1)
        {
            ports[(protocol, port)] = count - 1;
            return;
        }

        ports.Remove((protocol, port));
        if (ports.Count == 0)
        {
            _byIp.Remove(ip);
        }
    }

    /// <summary>
    /// Whether a claim of (ip, protocol, port) conflicts: 0.0.0.0 conflicts with the port on any IP; another IP
    /// conflicts with the same IP string or with 0.0.0.0. IPs compare as strings ("::" is no wildcard).
    /// </summary>
    public bool CheckConflict(string ip, string protocol, int port)
    {
        if (port <= 0 || !_numbers.MayContain(port) || !_byPort.ContainsKey(port))
        {
            return false;
        }

        (ip, protocol) = Sanitize(ip, protocol);
        var key = (protocol, port);
        if (ip == HostPortBinding.AnyAddress)
        {
            foreach (var ports in _byIp.Values)
            {
                if (ports.ContainsKey(key))
                {
                    return true;
                }
            }

            return false;
        }

        return (_byIp.TryGetValue(HostPortBinding.AnyAddress, out var any) && any.ContainsKey(key))
            || (_byIp.TryGetValue(ip, out var same) && same.ContainsKey(key));
    }

    private static (string Ip, string Protocol) Sanitize(string ip, string protocol) =>
        (string.IsNullOrEmpty(ip) ? HostPortBinding.AnyAddress : ip, string.IsNullOrEmpty(protocol) ? "TCP" : protocol);

    /// <summary>256 bits, one per <c>port % 256</c>.</summary>
    private struct NumberMask
    {
        private Words _words;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool MayContain(int port) => (_words[(port >> 6) & 3] & (1UL << port)) != 0;

        public void Add(int port) => _words[(port >> 6) & 3] |= 1UL << port;

        [InlineArray(4)]
        private struct Words
        {
            private ulong _word;
        }
    }
}
