using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.PodSecurity;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Corpus;

/// <summary>
/// Our Pod Security evaluation at the baseline level against the upstream policy test suites in
/// tests/corpus/verdicts (SOURCES.md, "Expected verdicts"): PSA's own fixtures, Kyverno's
/// disallow-host-namespaces and disallow-host-ports (the same policy as PSA baseline's hostNamespaces and hostPorts),
/// and Gatekeeper's host-network-ports cases run against block_host_network. Every expected verdict must match.
/// </summary>
public sealed class PolicyVerdictTests
{
    private static readonly LevelVersion Baseline = new(PodSecurityLevel.Baseline, PodSecurityVersion.Latest);

    private static readonly PodSecurityPolicy EnforceBaseline = new(Baseline, Baseline, Baseline);

    private static string Verdicts => Path.Combine(RepositoryPaths.Corpus, "verdicts");

    public static TheoryData<string, bool> PsaFixtures()
    {
        var data = new TheoryData<string, bool>();
        foreach (var verdict in new[] { "fail", "pass" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Verdicts, "psa", "baseline", "v1.37", verdict), "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(verdict + "/" + Path.GetFileName(file), verdict == "fail");
            }
        }

        return data;
    }

    /// <summary>(suite, kind, resource name, fails) from each suite's kyverno-test.yaml.</summary>
    public static TheoryData<string, string, string, bool> KyvernoResources()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var suite in new[] { "disallow-host-namespaces", "disallow-host-ports" })
        {
            var test = Load(Path.Combine(Verdicts, "kyverno", suite, "kyverno-test", "kyverno-test.yaml")).Single().Root;
            foreach (var result in Items(test, "results"))
            {
                var kind = Text(result, "kind");
                var fails = Text(result, "result") switch
                {
                    "fail" => true,
                    "pass" => false,
                    var other => throw new InvalidOperationException($"{suite}: unexpected result {other}"),
                };
                foreach (var name in ((SourceSequence)result["resources"]!).Items.Cast<SourceScalar>())
                {
                    data.Add(suite, kind, name.Value, fails);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// (case, object file, violates) of the suite's tests against samples/block_host_network (hostNetwork false,
    /// no port range): the same policy as PSA's hostNamespaces check for hostNetwork. The tests against the other two
    /// constraints allow or deny host ports by range (80-9000) and exempt images, which is not Pod Security and is
    /// skipped.
    /// </summary>
    public static TheoryData<string, string, bool> GatekeeperCases()
    {
        var data = new TheoryData<string, string, bool>();
        var suite = Load(Path.Combine(Verdicts, "gatekeeper", "host-network-ports", "suite.yaml")).Single().Root;
        foreach (var test in Items(suite, "tests").Where(t => Text(t, "constraint") == "samples/block_host_network/constraint.yaml"))
        {
            foreach (var testCase in Items(test, "cases"))
            {
                var violations = Text(Items(testCase, "assertions").Single(), "violations");
                data.Add(Text(testCase, "name"), Text(testCase, "object"), violations == "yes");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PsaFixtures))]
    public void Psa_BaselineFixture_MatchesExpectedVerdict(string fixture, bool violates)
    {
        var pod = Load(Path.Combine(Verdicts, "psa", "baseline", "v1.37", fixture)).Select(ObjectReader.Read).OfType<Workload>().Single();

        var denial = PodSecurityAdmission.ValidatePod(EnforceBaseline, pod.Metadata.Name, pod.Spec).Denial;

        (denial is not null).ShouldBe(violates, denial?.Text);
        if (violates)
        {
            // test/fixtures_hostNamespaces.go and fixtures_hostPorts.go expect these substrings in the error.
            denial!.Text.ShouldContain(fixture.Contains("hostnamespaces", StringComparison.Ordinal) ? "host namespaces" : "hostPort");
        }
    }

    [Fact]
    public void Suites_AreAllRead()
    {
        PsaFixtures().Count.ShouldBe(8);
        KyvernoResources().Count.ShouldBe(27 + 60);
        GatekeeperCases().Count.ShouldBe(2);
    }

    /// <summary>
    /// Kyverno validates Pods, and the template of Deployments and CronJobs through its generated controller rules.
    /// For a Pod we expect PSA's enforce verdict; for a controller both PSA's warning on the template and its
    /// enforce verdict on the pods the controller creates.
    /// </summary>
    [Theory]
    [MemberData(nameof(KyvernoResources))]
    public void Kyverno_Resource_MatchesExpectedVerdict(string suite, string kind, string name, bool fails)
    {
        var workload = Load(Path.Combine(Verdicts, "kyverno", suite, "kyverno-test", "resource.yaml"))
            .Where(d => d.Kind == kind)
            .Select(ObjectReader.Read)
            .OfType<Workload>()
            .Single(w => w.Name == name);

        var pods = PodSecurityAdmission.ValidatePod(EnforceBaseline, name, workload.Spec).Denial;
        (pods is not null).ShouldBe(fails, pods?.Text);
        if (!workload.IsPod)
        {
            var template = PodSecurityAdmission.ValidatePodController(EnforceBaseline, workload.Spec, KubeVersion.Latest).Warning;
            (template is not null).ShouldBe(fails, template?.Text);
        }
    }

    [Theory]
    [MemberData(nameof(GatekeeperCases))]
    public void Gatekeeper_BlockHostNetwork_MatchesExpectedVerdict(string name, string objectFile, bool violates)
    {
        var pod = Load(Path.Combine(Verdicts, "gatekeeper", "host-network-ports", objectFile)).Select(ObjectReader.Read).OfType<Workload>().Single();

        var result = PodSecurityEvaluator.Evaluate(Baseline, EvaluatedPodSpec.Pod(pod.Spec));

        result.Violations.Any(v => v.Reason == "host namespaces").ShouldBe(violates, name);
    }

    private static IReadOnlyList<ManifestDocument> Load(string path)
    {
        var result = new ManifestLoader().Load(new SourceFile(path, File.ReadAllText(path)));
        result.Problems.ShouldBeEmpty(path);
        return result.Documents;
    }

    private static IEnumerable<SourceMapping> Items(SourceMapping mapping, string key) =>
        ((SourceSequence)mapping[key]!).Items.Cast<SourceMapping>();

    private static string Text(SourceMapping mapping, string key) => ((SourceScalar)mapping[key]!).Value;
}
