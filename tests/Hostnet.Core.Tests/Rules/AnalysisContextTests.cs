using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// The indexes of a run are built once, on first use, and shared by the contexts its rules report into: a rule
/// asking from its own context, or many rules asking at once, get the one index of the run.
/// </summary>
public sealed class AnalysisContextTests
{
    private static readonly Workload[] Workloads =
    [
        Manifests.Workload("{apiVersion: v1, kind: Pod, metadata: {name: a, namespace: x, labels: {app: a}}, spec: {hostNetwork: true, containers: [{name: c, image: x, args: ['--port=8080']}]}}"),
        Manifests.Workload("{apiVersion: v1, kind: Pod, metadata: {name: b, labels: {app: b}}, spec: {containers: [{name: c, image: 'nginx:1.27'}]}}"),
    ];

    [Fact]
    public void ForRule_AsksForAnIndex_GetsTheRunsOwn()
    {
        var run = new AnalysisContext(Workloads, AnalysisOptions.Default);
        var rule = run.ForRule(RuleCatalog.Rules[0]);

        rule.ListenersOf(Workloads[0]).ShouldBeSameAs(run.ListenersOf(Workloads[0]));
        rule.PodTemplates.ShouldBeSameAs(run.PodTemplates);
        rule.Namespaces.ShouldBeSameAs(run.Namespaces);
        rule.WorkloadsIn("x").ShouldBe([Workloads[0]]);
        run.WorkloadsIn("default").ShouldBe([Workloads[1]]);
    }

    [Fact]
    public void RunOfOneWorkload_SharesItsInference_AndInfersAnyOtherWorkloadAsItsOwn()
    {
        var run = new AnalysisContext([Workloads[0]], AnalysisOptions.Default);
        var rule = run.ForRule(RuleCatalog.Rules[0]);

        rule.ListenersOf(Workloads[0]).ShouldBeSameAs(run.ListenersOf(Workloads[0]));
        run.ListenersOf(Workloads[0]).Undeclared.Select(u => u.Listener.Port).ShouldBe([8080]);
        // A workload that is not the run's own (a reader of the run's context may ask of any) is not taken for it.
        run.ListenersOf(Workloads[1]).ShouldNotBeSameAs(run.ListenersOf(Workloads[0]));
        run.ListenersOf(Workloads[1]).Undeclared.Select(u => u.Listener.Port).ShouldBe([80]);
        run.Namespaces.ShouldBeEmpty();
    }

    [Fact]
    public void ListenersOf_AskedAtOnce_AllRulesGetTheRunsOneCopy()
    {
        for (var round = 0; round < 50; round++)
        {
            var run = new AnalysisContext(Workloads, AnalysisOptions.Default);
            var rules = Enumerable.Range(0, 8).Select(_ => run.ForRule(RuleCatalog.Rules[0])).ToArray();
            var seen = new (PodListeners Listeners, PodTemplateIndex Templates)[rules.Length];
            using var start = new Barrier(rules.Length);
            // Threads of their own, all asking at the barrier's release: the thread pool of a loaded machine may hold tasks back.
            var threads = rules.Select((rule, i) => new Thread(() =>
            {
                start.SignalAndWait();
                seen[i] = (rule.ListenersOf(Workloads[0]), rule.PodTemplates);
            })).ToArray();
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            seen.Select(s => s.Listeners).Distinct().ShouldHaveSingleItem().ShouldBeSameAs(run.ListenersOf(Workloads[0]));
            seen.Select(s => s.Templates).Distinct().ShouldHaveSingleItem().ShouldBeSameAs(run.PodTemplates);
        }
    }
}
