using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Controllers;

public sealed class RolloutBudgetTests
{
    private static Workload Deployment(int replicas, string strategy) => Objects.One<Workload>(
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d}}\nspec:\n  replicas: {replicas}\n{strategy}  template:\n    spec:\n      containers: [{{name: a, image: a}}]\n");

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(2, 1, 0)]
    [InlineData(3, 1, 0)]
    [InlineData(4, 1, 1)]
    [InlineData(10, 3, 2)]
    public void ForDeployment_Defaults_SurgeRoundsUpUnavailableDown(int replicas, int surge, int unavailable)
    {
        var budget = RolloutBudget.ForDeployment(Deployment(replicas, string.Empty))!;

        budget.Surge.ShouldBe(surge);
        budget.Unavailable.ShouldBe(unavailable);
        budget.MaxSurgeDefaulted.ShouldBeTrue();
    }

    [Fact]
    public void ForDeployment_BothZeroAfterRounding_AllowsOneUnavailable()
    {
        var budget = RolloutBudget.ForDeployment(Deployment(3, "  strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 10%}\n"))!;

        (budget.Surge, budget.Unavailable).ShouldBe((0, 1));
    }

    [Fact]
    public void ForDeployment_Recreate_HasNoBudget() =>
        RolloutBudget.ForDeployment(Deployment(3, "  strategy:\n    type: Recreate\n")).ShouldBeNull();

    [Fact]
    public void ForDaemonSet_Defaults_NoSurgeOneUnavailable()
    {
        var daemonSet = Objects.One<Workload>("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: a}]\n");
        var budget = RolloutBudget.ForDaemonSet(daemonSet, 5)!;

        (budget.Surge, budget.Unavailable, budget.UnavailableIsNonZero).ShouldBe((0, 1, true));
    }
}
