using Hostnet.Core.Model;
using Hostnet.Core.Semantics.PodSecurity;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>
/// Pod Security admission's own fixtures (pod-security-admission test/testdata, copied to testdata/pod-security with
/// their licence): each file under <c>&lt;level&gt;/v1.N/fail</c> is rejected by <c>&lt;level&gt;:v1.N</c>, each under
/// <c>pass</c> admitted, on a cluster of the newest release.
/// </summary>
public sealed class PodSecurityFixtureTests
{
    private static readonly string Root = Path.Combine(RepositoryPaths.TestData, "pod-security");

    public static TheoryData<string> Fixtures() => [.. FixturePaths()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_EvaluatedAtItsLevelAndVersion_PassesOrFailsAsUpstreamExpects(string fixture)
    {
        var parts = fixture.Split('/');
        var level = parts[0] == "baseline" ? PodSecurityLevel.Baseline : PodSecurityLevel.Restricted;
        PodSecurityVersion.TryParse(parts[1], out var version).ShouldBeTrue(parts[1]);
        var pod = Objects.One<Workload>(File.ReadAllText(Path.Combine(Root, fixture)));

        var result = PodSecurityEvaluator.Evaluate(
            new LevelVersion(level, version),
            EvaluatedPodSpec.Pod(pod.Spec, KubeVersion.Latest) with { Annotations = pod.Template.Metadata.Annotations });

        result.Allowed.ShouldBe(parts[2] == "pass", result.ForbiddenDetail());
    }

    [Fact]
    public void Fixtures_CoverPassAndFailOfBothLevels()
    {
        var fixtures = FixturePaths();
        foreach (var folder in new[] { "baseline/", "restricted/" })
        {
            fixtures.ShouldContain(f => f.StartsWith(folder, StringComparison.Ordinal) && f.Contains("/pass/", StringComparison.Ordinal));
            fixtures.ShouldContain(f => f.StartsWith(folder, StringComparison.Ordinal) && f.Contains("/fail/", StringComparison.Ordinal));
        }
    }

    private static List<string> FixturePaths() =>
        [.. Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
