using Hostnet.Core.Configuration;
using Hostnet.Core.Model;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Configuration;

/// <summary>How every command sets up its options: .hostnet.yaml, then --kube-version, else the snapshot's server version.</summary>
public sealed class RunSetupTests
{
    private static readonly HostnetConfig Config = new() { KubeVersion = new KubeVersion(1, 29), DefaultNamespace = "apps" };

    private static readonly ClusterSnapshot Cluster131 = ClusterSnapshot.Empty with { ServerVersion = new KubeVersion(1, 31) };

    [Theory]
    [InlineData(null, 1, 29)]
    [InlineData("1.30", 1, 30)]
    public void Options_KubeVersionFlag_OverridesTheConfiguration(string? flag, int major, int minor)
    {
        var options = RunSetup.Options(Config, flag, out var problem).ShouldNotBeNull();
        problem.ShouldBeNull();
        options.KubeVersion.ShouldBe(new KubeVersion(major, minor));
        options.DefaultNamespace.ShouldBe("apps");
    }

    [Theory]
    [InlineData("x", "--kube-version must look like 1.30, not 'x'")]
    [InlineData("1.10", "--kube-version 1.10 is older than 1.24, the oldest release whose behaviour hostnet mirrors (1.24 to 1.37)")]
    public void Options_BadKubeVersion_IsOneProblemLine(string flag, string message)
    {
        RunSetup.Options(Config, flag, out var problem).ShouldBeNull();
        problem.ShouldBe(message);
    }

    [Fact]
    public void ForCluster_NoFlag_MirrorsTheServerVersion() =>
        RunSetup.ForCluster(Config.ApplyTo(Analysis.AnalysisOptions.Default), kubeVersion: null, Cluster131).KubeVersion.ShouldBe(new KubeVersion(1, 31));

    [Fact]
    public void ForCluster_Flag_WinsOverTheServerVersion()
    {
        var options = RunSetup.Options(Config, "1.30", out _).ShouldNotBeNull();
        RunSetup.ForCluster(options, "1.30", Cluster131).KubeVersion.ShouldBe(new KubeVersion(1, 30));
    }

    [Fact]
    public void ForCluster_SnapshotWithoutVersion_KeepsTheConfiguredOne() =>
        RunSetup.ForCluster(Config.ApplyTo(Analysis.AnalysisOptions.Default), kubeVersion: null, ClusterSnapshot.Empty).KubeVersion.ShouldBe(new KubeVersion(1, 29));
}
