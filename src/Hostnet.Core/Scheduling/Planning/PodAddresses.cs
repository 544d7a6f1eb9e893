using System.Net;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>
/// Pod IPs as a node-local IPAM (host-local, as flannel and kindnet use it) hands them out: from the node's
/// <c>podCIDR</c>, the first address after the gateway (<c>.2</c> in a /24) first, skipping addresses running pods
/// already have. Host-network pods get the node's InternalIP. A node without a pod CIDR gives no address.
/// </summary>
internal sealed class PodAddresses
{
    private readonly Dictionary<string, (byte[] Base, int PrefixLength, long Next)> _cursor = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public void Reserve(string? ip)
    {
        if (!string.IsNullOrEmpty(ip))
        {
            _taken.Add(ip);
        }
    }

    public string? Next(NodeInfo node, bool hostNetwork)
    {
        if (hostNetwork)
        {
            return node.Node.InternalIP;
        }

        if (!_cursor.TryGetValue(node.Name, out var cursor))
        {
            if (!IPNetwork.TryParse(node.Node.PodCidr, out var network))
            {
                return null;
            }

            cursor = (network.BaseAddress.GetAddressBytes(), network.PrefixLength, 2);
        }

        var bits = cursor.Base.Length * 8;
        var size = bits - cursor.PrefixLength >= 62 ? long.MaxValue : 1L << (bits - cursor.PrefixLength);
        string? address = null;
        while (cursor.Next < size - 1)
        {
            var candidate = Add(cursor.Base, cursor.Next++);
            if (_taken.Add(candidate))
            {
                address = candidate;
                break;
            }
        }

        _cursor[node.Name] = cursor;
        return address;
    }

    private static string Add(byte[] baseAddress, long offset)
    {
        var bytes = (byte[])baseAddress.Clone();
        var carry = offset;
        for (var i = bytes.Length - 1; i >= 0 && carry > 0; i--)
        {
            var sum = bytes[i] + (carry & 0xFF);
            bytes[i] = (byte)sum;
            carry = (carry >> 8) + (sum >> 8);
        }

        return new IPAddress(bytes).ToString();
    }
}
