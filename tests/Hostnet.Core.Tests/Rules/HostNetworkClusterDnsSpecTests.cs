using System.Buffers;
using System.Text;
using Hostnet.Core.Analysis;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Core.Rules.Dns;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// HN030 reads what it skips (Windows pods, pods that mount the node's resolv.conf) and the markers it looks for from
/// the read model: differentially against the source-tree walk it replaced, on generated pods and texts.
/// </summary>
public sealed class HostNetworkClusterDnsSpecTests
{
    private static readonly string[] NodeSelectors = ["", "nodeSelector: {kubernetes.io/os: windows}", "nodeSelector: {kubernetes.io/os: linux}"];

    private static readonly string[] Os = ["", "os: {name: windows}", "os: {name: linux}", "os: windows", "os: {name: null}"];

    private static readonly string[] SecurityContexts =
    [
        "", "", "securityContext: {windowsOptions: {hostProcess: true}}", "securityContext: {windowsOptions: {hostProcess: false}}",
        "securityContext: {windowsOptions: {hostProcess: \"true\"}}", "securityContext: {windowsOptions: hostProcess}", "securityContext: {runAsUser: 0}",
    ];

    private static readonly string[] Volumes =
    [
        "{name: resolv, hostPath: {path: /etc/resolv.conf}}", "{name: other, hostPath: {path: /run}}", "{name: resolv, hostPath: null}",
        "{name: resolv, hostPath: /etc/resolv.conf}", "{name: resolv, emptyDir: {}}", "{hostPath: {path: /etc/resolv.conf}}", "junk",
    ];

    private static readonly string[] Mounts =
    [
        "{name: resolv, mountPath: /etc/resolv.conf}", "{name: resolv, mountPath: /etc/resolv.conf/}", "{name: other, mountPath: /etc/resolv.conf}",
        "{mountPath: /etc/resolv.conf}", "{name: resolv, mountPath: /etc}",
    ];

    [Fact]
    public void SkippedPods_AreThoseTheSourceTreeWalkSkipped()
    {
        var random = new Random(30);
        var skipped = 0;
        for (var i = 0; i < 600; i++)
        {
            var text = GeneratedPod(random, i % 3 == 0 ? "Pod" : i % 3 == 1 ? "DaemonSet" : "CronJob");
            var loaded = new ManifestLoader().Load(new SourceFile("pod.yaml", text));
            var workload = (Workload)ObjectReader.Read(loaded.Documents[0])!;
            var reported = new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules).Check([loaded]).Diagnostics.Any(d => d.Rule == HostNetworkClusterDns.Rule);

            var skippedByTreeWalk = TreeWalk.RunsOnWindows(workload) || TreeWalk.MountsNodeResolvConf(workload);
            reported.ShouldBe(!skippedByTreeWalk, text);
            skipped += skippedByTreeWalk ? 1 : 0;
        }

        // Both outcomes occur often enough for the comparison to mean something.
        skipped.ShouldBeInRange(100, 500);
    }

    [Fact]
    public void SnapshotPod_KeepsNoSpecInItsTree_SoOnlyItsNodeSelectorSaysWindows()
    {
        var snapshot = Fixtures.Cluster("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: agent, namespace: kube-system}
              spec:
                hostNetwork: true
                nodeName: node-1
                os: {name: windows}
                securityContext: {windowsOptions: {hostProcess: true}}
                containers: [{name: agent, image: example.com/agent:1, securityContext: {windowsOptions: {hostProcess: true}}}]
            - apiVersion: v1
              kind: Pod
              metadata: {name: selected, namespace: kube-system}
              spec:
                hostNetwork: true
                nodeName: node-1
                nodeSelector: {kubernetes.io/os: windows}
                containers: [{name: agent, image: example.com/agent:1}]
            """);
        KubeObject[] pods = [.. snapshot.Pods.Select(p => p.Pod)];

        var findings = new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules).CheckObjects(pods).Diagnostics.Where(d => d.Rule == HostNetworkClusterDns.Rule);

        pods.Select(p => TreeWalk.RunsOnWindows((Workload)p)).ShouldBe([false, true]);
        findings.Select(d => d.Object!.Name).ShouldBe(["agent"]);
    }

    [Fact]
    public void MarkerAtADot_IsFoundExactlyWhereASearchForAllMarkersFindsOne()
    {
        var markers = SearchValues.Create([".svc", ".cluster.local", "kubernetes.default"], StringComparison.OrdinalIgnoreCase);
        string[] fragments = [".", "..", "svc", "SVC", ".svc", ".sv", "cluster", ".cluster", ".Cluster.Local", ".local", "kubernetes", "Kubernetes.", "kubernetes.default", ".default", "default", "s", "c", "-", ":", "/", "x", "k8s", "kube.rnetes"];
        var random = new Random(31);
        var found = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 7); n > 0; n--)
            {
                text.Append(fragments[random.Next(fragments.Length)]);
            }

            var expected = text.ToString().AsSpan().ContainsAny(markers);
            ClusterNameEvidence.HasMarkerAtADot(text.ToString()).ShouldBe(expected, text.ToString());
            found += expected ? 1 : 0;
        }

        found.ShouldBeInRange(2_000, 18_000);
    }

    private static string GeneratedPod(Random random, string kind)
    {
        var spec = new StringBuilder();
        spec.AppendLine("hostNetwork: true");
        AppendIf(spec, Pick(random, NodeSelectors));
        AppendIf(spec, Pick(random, Os));
        AppendIf(spec, Pick(random, SecurityContexts));
        foreach (var list in (string[])["initContainers", "containers", "ephemeralContainers"])
        {
            var count = list == "containers" ? random.Next(1, 3) : random.Next(0, 2);
            if (count == 0)
            {
                continue;
            }

            spec.AppendLine(list + ":");
            for (var c = 0; c < count; c++)
            {
                if (random.Next(12) == 0)
                {
                    spec.AppendLine("- junk");
                    continue;
                }

                var mounts = string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(random, Mounts)));
                var security = Pick(random, SecurityContexts);
                spec.AppendLine($"- {{name: c{c}, image: example.com/agent:1, volumeMounts: [{mounts}]{(security.Length == 0 ? "" : ", " + security)}}}");
            }
        }

        var volumes = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(random, Volumes)).ToArray();
        if (volumes.Length > 0)
        {
            spec.AppendLine($"volumes: [{string.Join(", ", volumes)}]");
        }

        var (prefix, depth) = kind switch
        {
            "Pod" => ("apiVersion: v1\nkind: Pod\nmetadata: {name: agent, namespace: kube-system}\nspec:\n", 1),
            "DaemonSet" => ("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: kube-system}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n", 3),
            _ => ("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: agent, namespace: kube-system}\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n", 5),
        };
        var indent = new string(' ', depth * 2);
        return prefix + string.Concat(spec.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => indent + line + "\n"));
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static void AppendIf(StringBuilder spec, string line)
    {
        if (line.Length > 0)
        {
            spec.AppendLine(line);
        }
    }

    /// <summary>What HN030 skipped before it read the model: the pod spec's source tree, walked.</summary>
    private static class TreeWalk
    {
        public static bool RunsOnWindows(Workload workload)
        {
            var podSpec = PodSpecOf(workload);
            return (workload.Spec.NodeSelector.TryGetValue("kubernetes.io/os", out var os) && os == "windows")
                || Fields.String(Fields.Map(podSpec, "os"), "name") == "windows"
                || IsHostProcess(podSpec)
                || ((string[])["initContainers", "containers"]).SelectMany(key => Fields.List(podSpec, key)).OfType<SourceMapping>().Any(IsHostProcess);
        }

        public static bool MountsNodeResolvConf(Workload workload)
        {
            var podSpec = PodSpecOf(workload);
            var hostPathVolumes = Fields.List(podSpec, "volumes").OfType<SourceMapping>()
                .Where(v => Fields.Map(v, "hostPath") is not null && Fields.String(v, "name") is not null)
                .Select(v => Fields.String(v, "name")!)
                .ToHashSet(StringComparer.Ordinal);
            var containers = Fields.List(podSpec, "containers").OfType<SourceMapping>().ToArray();
            return hostPathVolumes.Count > 0 && containers.Length > 0 && containers.All(c => Fields.List(c, "volumeMounts").OfType<SourceMapping>().Any(m =>
                Fields.String(m, "mountPath")?.TrimEnd('/') == "/etc/resolv.conf" && Fields.String(m, "name") is { } name && hostPathVolumes.Contains(name)));
        }

        private static SourceMapping? PodSpecOf(Workload workload) => FieldPaths.Resolve(workload.Source.Root, workload.Spec.Path) as SourceMapping;

        private static bool IsHostProcess(SourceMapping? owner) =>
            Fields.Bool(Fields.Map(Fields.Map(owner, "securityContext"), "windowsOptions"), "hostProcess") == true;
    }
}
