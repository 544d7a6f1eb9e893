using Hostnet.Core.Model;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Semantics.Ports;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// HN012's index of host-port claims: the earliest clash it finds is the one a scan over every earlier claim finds,
/// and the shapes that made that scan quadratic (issue 15: distinct node selectors, one object repeated) cost a few
/// comparisons per claim. The work is counted, not timed.
/// </summary>
public sealed class HostPortConflictIndexTests
{
    private const int Many = 4_000;

    [Fact]
    public void Claims_DistinctNodeSelectors_ComparesEachClaimWithNoneOfTheOthers()
    {
        var (claims, found) = Index(Enumerable.Range(0, Many).Select(i => Pod($"p-{i}", nodeSelector: $"{{pool: pool-{i}}}")));

        found.ShouldAllBe(clash => clash == null);
        claims.Comparisons.ShouldBeLessThanOrEqualTo(Many);
    }

    [Fact]
    public void Claims_OneObjectRepeated_ComparesEachClaimWithOneGroup()
    {
        var (claims, found) = Index(Enumerable.Range(0, Many).Select(_ => Pod("same")));

        found.ShouldAllBe(clash => clash == null);
        claims.Comparisons.ShouldBeLessThanOrEqualTo(Many);
    }

    [Fact]
    public void Claims_ManyObjectsOnOneNode_EachFindsTheFirstAtOnce()
    {
        var (claims, found) = Index(Enumerable.Range(0, Many).Select(i => Pod($"p-{i}", nodeSelector: "{kubernetes.io/hostname: n1}")));

        found.Skip(1).ShouldAllBe(clash => clash != null && clash.Sequence == 0);
        claims.Comparisons.ShouldBeLessThanOrEqualTo(2 * Many);
    }

    [Fact]
    public void Claims_MixedShapes_FindTheSameEarliestClashAsAScanOfEveryEarlierClaim()
    {
        var random = new Random(15);
        string[] selectors = ["", "{pool: a}", "{pool: b}", "{pool: a, zone: z1}", "{zone: z2}", "{kubernetes.io/hostname: n1}", "{kubernetes.io/hostname: n2}"];
        string[] affinities =
        [
            "",
            "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: pool, operator: In, values: [a, c]}]}]}}},",
            "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: pool, operator: NotIn, values: [a]}]}, {matchFields: [{key: metadata.name, operator: In, values: [n2, n3]}]}]}}},",
            "affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: x}}}]}},",
        ];
        string[] addresses = ["", "10.0.0.1", "10.0.0.2", "0.0.0.0"];
        for (var round = 0; round < 20; round++)
        {
            var pods = Enumerable.Range(0, 60).Select(i => Pod(
                $"p-{random.Next(8)}",
                nodeSelector: selectors[random.Next(selectors.Length)],
                extra: affinities[random.Next(affinities.Length)],
                hostIP: addresses[random.Next(addresses.Length)],
                port: 7000 + random.Next(2))).ToArray();

            var (_, found) = Index(pods);

            var all = Claimed(pods);
            var scanned = all.Select(claim => all.Where(c => c.Sequence < claim.Sequence).FirstOrDefault(claim.ClashesWith)).ToArray();
            found.Select(c => c?.Sequence).ShouldBe(scanned.Select(c => c?.Sequence), $"round {round}");
        }
    }

    /// <summary>Each claim's earliest clash as the rule finds it (one index per protocol and port, as the rule keeps them), and the indexes.</summary>
    private static (HostPortConflict.Claims Claims, HostPortConflict.Claim?[] Found) Index(IEnumerable<Workload> pods)
    {
        var byPort = new Dictionary<int, HostPortConflict.Claims>();
        var all = Claimed(pods);
        var found = new HostPortConflict.Claim?[all.Length];
        foreach (var claim in all)
        {
            if (!byPort.TryGetValue(claim.Binding.Port, out var claims))
            {
                byPort[claim.Binding.Port] = claims = new HostPortConflict.Claims();
            }

            found[claim.Sequence] = claims.FirstClash(claim);
            claims.Add(claim);
        }

        return (byPort.Values.First(), found);
    }

    private static HostPortConflict.Claim[] Claimed(IEnumerable<Workload> pods) =>
        [.. pods.Select((pod, i) => new HostPortConflict.Claim(i, new HostPortConflict.Placed(pod, "default"), HostPorts.Wanted(pod.Spec).Single()))];

    private static Workload Pod(string name, string nodeSelector = "", string extra = "", string hostIP = "", int port = 7000)
    {
        var selector = nodeSelector.Length == 0 ? "" : $"nodeSelector: {nodeSelector}, ";
        var ip = hostIP.Length == 0 ? "" : $", hostIP: \"{hostIP}\"";
        return Manifests.Workload(
            $"{{apiVersion: v1, kind: Pod, metadata: {{name: {name}, labels: {{app: x}}}}, spec: {{{selector}{extra} hostNetwork: true, containers: [{{name: c, image: i, ports: [{{containerPort: {port}, hostPort: {port}{ip}}}]}}]}}}}");
    }
}
