using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Controllers;

/// <summary>The settings come from the model as read, with the API defaults of pkg/apis/apps/v1/defaults.go.</summary>
public sealed class RolloutSettingsTests
{
    private const string Template = "  template:\n    spec:\n      containers: [{name: a, image: a}]\n";

    [Theory]
    [InlineData("Deployment", "  progressDeadlineSeconds: 120\n", 120, "RollingUpdate", 0)]
    [InlineData("Deployment", "", 600, "RollingUpdate", 0)]
    [InlineData("StatefulSet", "  updateStrategy:\n    rollingUpdate: {partition: 2}\n", 600, "RollingUpdate", 2)]
    [InlineData("StatefulSet", "  updateStrategy:\n    type: OnDelete\n", 600, "OnDelete", 0)]
    [InlineData("StatefulSet", "  updateStrategy:\n    rollingUpdate: {partition: -3}\n", 600, "RollingUpdate", 0)]
    [InlineData("DaemonSet", "  updateStrategy:\n    type: OnDelete\n", 600, "RollingUpdate", 0)]
    public void For_WrittenFields_AreDefaultedFromTheModel(string kind, string spec, int deadline, string strategy, int partition)
    {
        var workload = Objects.One<Workload>($"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: w}}\nspec:\n{spec}{Template}");

        RolloutSettings.For(workload).ShouldBe(new RolloutSettings(deadline, strategy, partition));
    }

    [Fact]
    public void Read_StatefulSetStrategy_CarriesPartitionAndPath()
    {
        var statefulSet = Objects.One<Workload>(
            $"apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {{name: w}}\nspec:\n  updateStrategy:\n    rollingUpdate: {{partition: 1}}\n{Template}");

        statefulSet.Strategy.ShouldNotBeNull();
        (statefulSet.Strategy.Path, statefulSet.Strategy.Partition).ShouldBe(("spec.updateStrategy", (int?)1));
    }
}
