using System.Collections.Concurrent;

namespace Hostnet.Core.Analysis;

/// <summary>
/// Runs rules over one context, spread over the cores: each rule (a <see cref="WorkloadRule"/> in parts of its
/// workloads) reports into a context of its own, and the findings are added back in rule order, part by part, so
/// they come out exactly as one rule after another would give them. The <see cref="IPlacementRule"/>s share the
/// running cluster and run one after another, in catalogue order, as one task beside the others.
/// </summary>
internal static class RuleRun
{
    /// <summary>Below this many objects, threads cost more than they save.</summary>
    private const int ParallelObjects = 64;

    /// <summary>Workloads per part of a workload rule: enough work to be worth a task, few enough tasks to balance.</summary>
    private const int WorkloadsPerPart = 2_048;

    public static void Run(AnalysisContext context, IReadOnlyList<IRule> rules) =>
        Run(context, rules, context.Objects.Count < ParallelObjects ? 1 : -1, WorkloadsPerPart);

    /// <param name="context">The run's context; the findings end up in it.</param>
    /// <param name="rules">The rules, in catalogue order.</param>
    /// <param name="threads">At most this many at once (-1: as the thread pool sees fit); 1 runs the rules one after another on <paramref name="context"/>.</param>
    /// <param name="workloadsPerPart">How many workloads a part of a <see cref="WorkloadRule"/> checks.</param>
    internal static void Run(AnalysisContext context, IReadOnlyList<IRule> rules, int threads, int workloadsPerPart)
    {
        if (threads == 1)
        {
            foreach (var rule in rules)
            {
                rule.Check(context);
            }

            return;
        }

        var parts = Parts(rules, context.Workloads.Count, workloadsPerPart);
        var contexts = parts.Select(p => context.ForRule(p.Rule)).ToArray();
        // The placement rules first, as one task: the longest, and it cannot be split.
        var placement = Enumerable.Range(0, parts.Count).Where(i => parts[i].Rule is IPlacementRule).ToArray();
        var tasks = new List<int[]> { placement };
        tasks.AddRange(Enumerable.Range(0, parts.Count).Where(i => parts[i].Rule is not IPlacementRule).Select(i => new[] { i }));
        // One task at a time to whichever thread is free: the tasks differ in length by orders of magnitude.
        Parallel.ForEach(Partitioner.Create(tasks, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = threads }, task =>
        {
            foreach (var i in task)
            {
                parts[i].Check(contexts[i]);
            }
        });

        foreach (var own in contexts)
        {
            context.Add(own.Diagnostics);
        }
    }

    /// <summary>Every rule's parts, in rule order.</summary>
    private static List<Part> Parts(IReadOnlyList<IRule> rules, int workloads, int workloadsPerPart)
    {
        var parts = new List<Part>();
        foreach (var rule in rules)
        {
            if (rule is not WorkloadRule)
            {
                parts.Add(new Part(rule, Range.All));
                continue;
            }

            for (var start = 0; start < workloads || start == 0; start += workloadsPerPart)
            {
                parts.Add(new Part(rule, start..Math.Min(workloads, start + workloadsPerPart)));
            }
        }

        return parts;
    }

    /// <summary>One rule, over a part of the workloads when it looks at one workload at a time.</summary>
    private sealed record Part(IRule Rule, Range Workloads)
    {
        public void Check(AnalysisContext context)
        {
            if (Rule is WorkloadRule workloadRule)
            {
                workloadRule.Check(context, Workloads);
            }
            else
            {
                Rule.Check(context);
            }
        }
    }
}
