using System.Globalization;
using System.Text;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// A cluster of identical worker nodes for <c>--nodes N</c> (and the default of <see cref="DefaultNodeCount"/>):
/// <c>node-1</c> … <c>node-N</c>, labelled <c>kubernetes.io/hostname</c>, <c>kubernetes.io/os: linux</c> and
/// <c>kubernetes.io/arch: amd64</c>, untainted, allocatable 4 CPUs, 16Gi memory and 110 pods, InternalIP
/// <c>172.18.0.2</c>, <c>172.18.0.3</c>, … (node-i is 172.18.0.0 + i + 1, as kind numbers its nodes), and pod CIDR
/// <c>10.244.(i−1).0/24</c> (the flannel/kubeadm default; past 256 nodes the second octet moves on: 10.245.0.0/24 …).
/// </summary>
public static class SyntheticCluster
{
    public const int DefaultNodeCount = 3;

    public const string FileName = "<synthetic cluster>";

    public static ClusterSnapshot Create(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        var yaml = new StringBuilder();
        for (var i = 1; i <= nodeCount; i++)
        {
            var ip = 0xAC120000u + (uint)i + 1;
            var cidr = 244 * 256 + (i - 1);
            yaml.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: node-{i}
                  labels: {"{"}kubernetes.io/hostname: node-{i}, kubernetes.io/os: linux, kubernetes.io/arch: amd64{"}"}
                spec:
                  podCIDR: 10.{cidr / 256}.{cidr % 256}.0/24
                status:
                  allocatable: {"{"}cpu: "4", memory: 16Gi, pods: "110"{"}"}
                  addresses: [{"{"}type: InternalIP, address: {ip >> 24}.{(ip >> 16) & 255}.{(ip >> 8) & 255}.{ip & 255}{"}"}]

                """);
        }

        var loaded = new ManifestLoader().Load(new SourceFile(FileName, yaml.ToString()));
        var nodes = loaded.Documents.Select(ObjectReader.Read).OfType<Node>().ToArray();
        return ClusterSnapshot.Empty with { Nodes = nodes };
    }
}
