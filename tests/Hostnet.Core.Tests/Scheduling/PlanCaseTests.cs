using System.Globalization;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>
/// The scheduling cases of testdata/plan: each file holds Nodes (or <c># nodes: N</c> for a synthetic cluster) and
/// workloads, and <c># expect: OWNER STATUS xCOUNT CERTAINTY [MESSAGE]</c> lines: how many of the owner's pods end
/// in that status (as kubectl shows it), whether that is <c>certain</c>, <c>in-this-run</c> or either (<c>-</c>),
/// and, when given, the exact message of each. Every pod of the input must be expected.
/// </summary>
public sealed class PlanCaseTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.TestData, "plan"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_Case_MatchesItsExpectations(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "plan", file));
        var (plan, expectations) = Run(file, text);

        var input = plan.Pods.Where(p => p.FromInput).ToList();
        input.Count.ShouldBe(expectations.Sum(e => e.Count), Describe(plan));
        foreach (var expected in expectations)
        {
            var pods = input.Where(p => p.Owner == expected.Owner && p.DisplayStatus == expected.Status).ToList();
            pods.Count.ShouldBe(expected.Count, $"{expected.Owner} {expected.Status}\n{Describe(plan)}");
            foreach (var pod in pods)
            {
                if (expected.Certain is { } certain)
                {
                    pod.Certain.ShouldBe(certain, $"{pod.Name}\n{Describe(plan)}");
                }

                if (expected.Message is { } message)
                {
                    pod.Message.ShouldBe(message);
                }
            }
        }
    }

    internal static (PlanResult Plan, List<Expectation> Expectations) Run(string file, string text)
    {
        var header = text.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToList();
        var objects = new ManifestLoader().Load(new SourceFile(file, text)).Documents.Select(ObjectReader.Read).OfType<KubeObject>().ToList();
        var nodeCount = Value(header, "nodes");
        var cluster = nodeCount is null
            ? ClusterSnapshot.Empty with { Nodes = objects.OfType<Node>().ToList() }
            : SyntheticCluster.Create(int.Parse(nodeCount, CultureInfo.InvariantCulture));
        var version = KubeVersion.TryParse(Value(header, "kube-version"), out var parsed) ? parsed : KubeVersion.Latest;
        var plan = Planner.Plan(cluster, objects.OfType<Workload>(), PlanOptions.Default with { KubeVersion = version });
        var expectations = header.Where(l => l.StartsWith("expect:", StringComparison.Ordinal)).Select(Expectation.Parse).ToList();
        return (plan, expectations);
    }

    private static string? Value(List<string> header, string key) =>
        header.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))?[(key.Length + 1)..].Trim();

    private static string Describe(PlanResult plan) =>
        string.Join('\n', plan.Pods.Select(p => $"{p.Owner} {p.Name} {p.DisplayStatus} {p.Node} certain={p.Certain} {p.Message}"));

    internal sealed record Expectation(string Owner, string Status, int Count, bool? Certain, string? Message)
    {
        public static Expectation Parse(string line)
        {
            var parts = line["expect:".Length..].Trim().Split(' ', 5);
            return new Expectation(
                parts[0],
                parts[1],
                int.Parse(parts[2].TrimStart('x'), CultureInfo.InvariantCulture),
                parts[3] switch { "certain" => true, "in-this-run" => false, _ => null },
                parts.Length > 4 ? parts[4] : null);
        }
    }
}
