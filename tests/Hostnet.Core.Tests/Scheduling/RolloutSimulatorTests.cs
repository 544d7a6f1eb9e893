using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Rollouts;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>
/// The rollout cases of <c>testdata/rollout/*.yaml</c>: each file holds the nodes (Node objects, or a header line
/// <c># nodes: N</c> for node-1…node-N), the pods already running (Pods with <c>nodeName</c>, owned through
/// <c>ownerReferences</c> or belonging to other workloads), and one Deployment, DaemonSet or StatefulSet: its new
/// version. Header lines <c># outcome: completes|stuck</c> and <c># reason: …</c> give the expected verdict exactly.
/// The cases run through <see cref="RolloutPlanner"/>, so with kube-scheduler's default profile.
/// </summary>
public sealed class RolloutSimulatorTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "rollout");

    public static TheoryData<string> Cases => [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simulate_Case_GivesTheExpectedVerdict(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var header = Header(text);
        var documents = new ManifestLoader().Load(new SourceFile(file, text)).Documents;
        var objects = documents.Select(d => (Document: d, Object: ObjectReader.Read(d))).ToList();
        var nodes = objects.Select(o => o.Object).OfType<Node>().ToList();
        if (header.TryGetValue("nodes", out var count))
        {
            nodes.AddRange(Enumerable.Range(1, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)).Select(i => Objects.Node($"node-{i}")));
        }

        var workload = objects.Select(o => o.Object).OfType<Workload>().Single(RolloutSimulator.Rolls);
        var pods = objects.Where(o => o.Object is Workload { IsPod: true }).Select(o => ClusterPodOf(o.Document, (Workload)o.Object!)).ToList();
        var cluster = ClusterSnapshot.Empty with { Nodes = nodes, Pods = pods };

        var result = RolloutPlanner.Simulate(cluster, [workload], KubeVersion.Latest, "default").Single();

        result.Workload.ShouldBe(workload.DisplayName);
        result.OutcomeName.ShouldBe(header["outcome"], result.Reason);
        result.Reason.ShouldBe(header["reason"]);
    }

    private static Dictionary<string, string> Header(string text) =>
        text.Split('\n')
            .TakeWhile(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#', ' ').Split(": ", 2))
            .Where(p => p.Length == 2 && p[0] is "nodes" or "outcome" or "reason")
            .ToDictionary(p => p[0], p => p[1].TrimEnd('\r'), StringComparer.Ordinal);

    /// <summary>A snapshot pod: its owner references and phase read from the document.</summary>
    private static ClusterPod ClusterPodOf(ManifestDocument document, Workload pod)
    {
        var owners = ((document.Root["metadata"] as SourceMapping)?["ownerReferences"] as SourceSequence)?.Items.OfType<SourceMapping>()
            .Select(o => new OwnerReference(Scalar(o, "kind") ?? string.Empty, Scalar(o, "name") ?? string.Empty, Scalar(o, "controller") == "true"))
            .ToList() ?? [];
        var phase = Scalar((document.Root["status"] as SourceMapping)!, "phase") ?? "Running";
        return new ClusterPod(pod, PodStatus.Running with { Phase = phase }, owners);
    }

    private static string? Scalar(SourceMapping? mapping, string key) => (mapping?[key] as SourceScalar)?.Value;
}
