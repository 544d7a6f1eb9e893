using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// Rules run at once, in parts, must find exactly what they find one after another, in the same order: every rule
/// fixture and the real corpus as one input (many namespaces, host-port clashes, Services, placement), split into
/// parts of a few workloads so that every workload rule runs in many parts on several threads.
/// </summary>
public sealed class RuleRunTests
{
    private static readonly IReadOnlyList<KubeObject> Objects = ReadAll();

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 7)]
    [InlineData(8, 3)]
    [InlineData(-1, 2_048)]
    public void Run_InParallel_FindsWhatOneAfterAnotherFinds(int threads, int workloadsPerPart)
    {
        var sequential = Findings(threads: 1, workloadsPerPart);

        var parallel = Findings(threads, workloadsPerPart);

        sequential.Count.ShouldBeGreaterThan(400);
        sequential.Select(d => d.Rule.Id).Distinct().Count().ShouldBeGreaterThan(25);
        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void Run_InParallelManyTimes_GivesTheSameOrderEveryTime()
    {
        var first = Findings(threads: 4, workloadsPerPart: 5);

        for (var round = 0; round < 5; round++)
        {
            Findings(threads: 4, workloadsPerPart: 5).ShouldBe(first);
        }
    }

    [Fact]
    public void Run_RuleNotMarkedAsPlacing_MayNotUseTheRunningCluster()
    {
        var context = new AnalysisContext(Objects, AnalysisOptions.Default);

        var error = Should.Throw<AggregateException>(() => RuleRun.Run(context, [new ClusterReader(), .. RuleCatalog.Rules], threads: 2, workloadsPerPart: 64));

        error.InnerExceptions.ShouldHaveSingleItem().ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("IPlacementRule");
    }

    [Fact]
    public void Run_PlacementRule_UsesTheRunningClusterBesideTheOthers()
    {
        var context = new AnalysisContext(Objects, AnalysisOptions.Default);

        RuleRun.Run(context, [new PlacingClusterReader(), .. RuleCatalog.Rules], threads: 2, workloadsPerPart: 64);

        context.Diagnostics.Count(d => d.Message == ClusterReader.Said).ShouldBe(1);
    }

    private static List<Diagnostic> Findings(int threads, int workloadsPerPart)
    {
        var context = new AnalysisContext(Objects, AnalysisOptions.Default);
        RuleRun.Run(context, RuleCatalog.Rules, threads, workloadsPerPart);
        return [.. context.Diagnostics];
    }

    private static IReadOnlyList<KubeObject> ReadAll()
    {
        var files = ((string[])[Path.Combine(RepositoryPaths.TestData, "rules"), Path.Combine(RepositoryPaths.Corpus, "real")])
            .SelectMany(root => Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(path => SourceFile.FromBytes(path, File.ReadAllBytes(path), out _))
            .OfType<SourceFile>()
            .ToList();
        var loaded = new ManifestLoader().LoadAll(files);
        new ManifestChecker(AnalysisOptions.Default, []).Check(loaded, out var run);
        return run.Objects;
    }

    /// <summary>A rule that reads the running cluster without saying it places pods.</summary>
    private class ClusterReader : IRule
    {
        public const string Said = "the running cluster read";

        public RuleDescriptor Descriptor => RuleCatalog.Descriptors[0];

        public void Check(AnalysisContext context)
        {
            _ = context.RunningCluster.Nodes;
            context.Report(Descriptor, context.Objects[0], null, Said);
        }
    }

    private sealed class PlacingClusterReader : ClusterReader, IPlacementRule;
}
