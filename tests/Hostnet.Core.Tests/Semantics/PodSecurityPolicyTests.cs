using Hostnet.Core.Semantics.PodSecurity;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>Mirrors pod-security-admission api/helpers_test.go (TestParseVersion, TestPolicyToEvaluate).</summary>
public sealed class PodSecurityPolicyTests
{
    [Theory]
    [InlineData("latest", "latest")]
    [InlineData("v1.0", "v1.0")]
    [InlineData("v1.1", "v1.1")]
    [InlineData("v1.20", "v1.20")]
    [InlineData("v1.10000", "v1.10000")]
    public void Version_TryParse_AcceptsLatestAndV1Minor(string text, string printed)
    {
        PodSecurityVersion.TryParse(text, out var version).ShouldBeTrue();
        version.ToString().ShouldBe(printed);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("")]
    [InlineData("v2.0")]
    [InlineData("v1")]
    [InlineData("1.1")]
    [InlineData("v1.01")]
    [InlineData("v1.99999999999")]
    public void Version_TryParse_RejectsOthersAsLatest(string text)
    {
        PodSecurityVersion.TryParse(text, out var version).ShouldBeFalse();
        version.ShouldBe(PodSecurityVersion.Latest);
    }

    [Theory]
    [InlineData("simple enforce", "enforce=baseline", "baseline:latest", "baseline:latest", "privileged:latest")]
    [InlineData("simple warn", "warn=restricted", "privileged:latest", "restricted:latest", "privileged:latest")]
    [InlineData("simple audit", "audit=baseline", "privileged:latest", "privileged:latest", "baseline:latest")]
    [InlineData("enforce & warn", "enforce=baseline,warn=restricted", "baseline:latest", "restricted:latest", "privileged:latest")]
    [InlineData("enforce version", "enforce=baseline,enforce-version=v1.22", "baseline:v1.22", "baseline:v1.22", "privileged:latest")]
    [InlineData("enforce version & warn-version", "enforce=baseline,enforce-version=v1.22,warn-version=latest", "baseline:v1.22", "baseline:latest", "privileged:latest")]
    [InlineData("enforce & warn-version", "enforce=baseline,warn-version=v1.23", "baseline:latest", "baseline:v1.23", "privileged:latest")]
    [InlineData("fully specd", "enforce=baseline,enforce-version=v1.20,warn=restricted,warn-version=v1.21,audit=restricted,audit-version=v1.22", "baseline:v1.20", "restricted:v1.21", "restricted:v1.22")]
    [InlineData("enforce no warn", "enforce=baseline,warn=privileged", "baseline:latest", "privileged:latest", "privileged:latest")]
    [InlineData("enforce warn error", "enforce=baseline,warn=foo", "baseline:latest", "privileged:latest", "privileged:latest")]
    [InlineData("enforce error", "enforce=foo", "restricted:latest", "privileged:latest", "privileged:latest")]
    [InlineData("audit error", "audit=Baseline", "privileged:latest", "privileged:latest", "privileged:latest")]
    [InlineData("invalid version", "enforce=baseline,enforce-version=1.30", "baseline:latest", "baseline:latest", "privileged:latest")]
    [InlineData("no labels", "", "privileged:latest", "privileged:latest", "privileged:latest")]
    public void FromLabels_ResolvesAsPolicyToEvaluate(string description, string labels, string enforce, string warn, string audit)
    {
        var map = labels.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('='))
            .ToDictionary(p => PodSecurityPolicy.LabelPrefix + p[0], p => p[1]);
        map["other-label"] = "foo-bar";

        var policy = PodSecurityPolicy.FromLabels(map);

        policy.Enforce.ToString().ShouldBe(enforce, description);
        policy.Warn.ToString().ShouldBe(warn, description);
        policy.Audit.ToString().ShouldBe(audit, description);
    }
}
