using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hostnet.NetBench.Datapath;

/// <summary>
/// The nat-table rules kube-proxy's iptables mode writes for a ClusterIP Service with one endpoint per port, as
/// <c>iptables-restore --noflush</c> input: the jumps from PREROUTING and OUTPUT into KUBE-SERVICES, KUBE-SVC-* and
/// KUBE-SEP-* chains named by kube-proxy's hashes, masquerade marking for traffic from outside the cluster CIDR, and
/// the DNAT. Mirrors pkg/proxy/iptables/proxier.go (syncProxyRules, portProtoHash,
/// servicePortEndpointChainName), Kubernetes v1.31; the rule text matches proxier_test.go's expectations.
/// </summary>
internal static class KubeProxyRules
{
    private const string MarkMasqChain = "KUBE-MARK-MASQ";
    private const string PostroutingChain = "KUBE-POSTROUTING";
    private const string ServicesChain = "KUBE-SERVICES";

    /// <summary>One port of the Service and its endpoint.</summary>
    public sealed record ServicePort(string PortName, int Port, string EndpointAddress, int EndpointPort);

    /// <summary><c>KUBE-SVC-</c> + the first 16 base32 characters of sha256(servicePortName + protocol).</summary>
    public static string ServiceChain(string servicePortName, string protocol) =>
        "KUBE-SVC-" + Hash(servicePortName + protocol);

    /// <summary><c>KUBE-SEP-</c> + the first 16 base32 characters of sha256(servicePortName + protocol + endpoint).</summary>
    public static string EndpointChain(string servicePortName, string protocol, string endpoint) =>
        "KUBE-SEP-" + Hash(servicePortName + protocol + endpoint);

    public static string Render(string serviceNamespace, string serviceName, string clusterIp, string clusterCidr, IReadOnlyList<ServicePort> ports)
    {
        var chains = new StringBuilder();
        var rules = new StringBuilder();
        foreach (var chain in new[] { ServicesChain, MarkMasqChain, PostroutingChain })
        {
            chains.Append(CultureInfo.InvariantCulture, $":{chain} - [0:0]\n");
        }

        rules.Append(CultureInfo.InvariantCulture, $"-A PREROUTING -m comment --comment \"kubernetes service portals\" -j {ServicesChain}\n");
        rules.Append(CultureInfo.InvariantCulture, $"-A OUTPUT -m comment --comment \"kubernetes service portals\" -j {ServicesChain}\n");
        rules.Append(CultureInfo.InvariantCulture, $"-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j {PostroutingChain}\n");
        rules.Append(CultureInfo.InvariantCulture, $"-A {PostroutingChain} -m mark ! --mark 0x4000/0x4000 -j RETURN\n");
        rules.Append(CultureInfo.InvariantCulture, $"-A {PostroutingChain} -j MARK --xor-mark 0x4000\n");
        rules.Append(CultureInfo.InvariantCulture, $"-A {PostroutingChain} -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE\n");
        rules.Append(CultureInfo.InvariantCulture, $"-A {MarkMasqChain} -j MARK --or-mark 0x4000\n");
        foreach (var port in ports)
        {
            var portName = $"{serviceNamespace}/{serviceName}:{port.PortName}";
            var endpoint = $"{port.EndpointAddress}:{port.EndpointPort}";
            var serviceChain = ServiceChain(portName, "tcp");
            var endpointChain = EndpointChain(portName, "tcp", endpoint);
            chains.Append(CultureInfo.InvariantCulture, $":{serviceChain} - [0:0]\n:{endpointChain} - [0:0]\n");
            var clusterIpMatch = $"-m comment --comment \"{portName} cluster IP\" -m tcp -p tcp -d {clusterIp} --dport {port.Port}";
            rules.Append(CultureInfo.InvariantCulture, $"-A {ServicesChain} {clusterIpMatch} -j {serviceChain}\n");
            rules.Append(CultureInfo.InvariantCulture, $"-A {serviceChain} {clusterIpMatch} ! -s {clusterCidr} -j {MarkMasqChain}\n");
            rules.Append(CultureInfo.InvariantCulture, $"-A {serviceChain} -m comment --comment \"{portName} -> {endpoint}\" -j {endpointChain}\n");
            rules.Append(CultureInfo.InvariantCulture, $"-A {endpointChain} -m comment --comment {portName} -s {port.EndpointAddress} -j {MarkMasqChain}\n");
            rules.Append(CultureInfo.InvariantCulture, $"-A {endpointChain} -m comment --comment {portName} -m tcp -p tcp -j DNAT --to-destination {endpoint}\n");
        }

        return $"*nat\n{chains}{rules}COMMIT\n";
    }

    private static string Hash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Base32(digest)[..16];
    }

    // encoding/base32 StdEncoding (RFC 4648 alphabet); only the first 16 characters are used, so no padding.
    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var value in bytes)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }
}
