using Hostnet.Core.Model;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Model;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "edge" };

    [Theory]
    [InlineData("In", "web", true)]
    [InlineData("In", "db", false)]
    [InlineData("NotIn", "web", false)]
    [InlineData("NotIn", "db", true)]
    public void Matches_Expressions_FollowLabelSelectorSemantics(string op, string value, bool expected) =>
        new LabelSelector(new Dictionary<string, string>(), [new LabelSelectorRequirement("app", op, [value])]).Matches(Labels).ShouldBe(expected);

    [Fact]
    public void Matches_ExistsAndDoesNotExist()
    {
        new LabelSelector(new Dictionary<string, string>(), [new LabelSelectorRequirement("tier", "Exists", [])]).Matches(Labels).ShouldBeTrue();
        new LabelSelector(new Dictionary<string, string>(), [new LabelSelectorRequirement("zone", "DoesNotExist", [])]).Matches(Labels).ShouldBeTrue();
        new LabelSelector(new Dictionary<string, string> { ["app"] = "db" }, []).Matches(Labels).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, "Exists", null, null, true)]
    [InlineData("node-role.kubernetes.io/control-plane", "Exists", null, "NoSchedule", true)]
    [InlineData("node-role.kubernetes.io/control-plane", "Exists", null, "NoExecute", false)]
    [InlineData("node-role.kubernetes.io/control-plane", "Equal", "", null, true)]
    [InlineData("node-role.kubernetes.io/control-plane", "Equal", "x", null, false)]
    [InlineData("other", "Exists", null, null, false)]
    public void Tolerates_ControlPlaneTaint(string? key, string op, string? value, string? effect, bool expected) =>
        new Toleration(key, op, value, effect).Tolerates(new Taint("node-role.kubernetes.io/control-plane", string.Empty, "NoSchedule")).ShouldBe(expected);

    [Theory]
    [InlineData("25%", 3, true, 1)]
    [InlineData("25%", 3, false, 0)]
    [InlineData("25%", 4, false, 1)]
    [InlineData("100%", 2, true, 2)]
    [InlineData("10%", 2, true, 1)]
    public void IntOrString_Scale_RoundsAsUpstream(string value, int total, bool roundUp, int expected) =>
        IntOrString.FromString(value).Scale(total, roundUp).ShouldBe(expected);

    [Theory]
    [InlineData("1.28", 28)]
    [InlineData("v1.31", 31)]
    [InlineData("v1.30.2", 30)]
    public void KubeVersion_TryParse_AcceptsCommonForms(string text, int minor)
    {
        KubeVersion.TryParse(text, out var version).ShouldBeTrue();
        version.ShouldBe(new KubeVersion(1, minor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2.0")]
    [InlineData("latest")]
    public void KubeVersion_TryParse_RejectsOthers(string text) => KubeVersion.TryParse(text, out _).ShouldBeFalse();
}
