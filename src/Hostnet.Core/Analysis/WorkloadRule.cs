using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Analysis;

/// <summary>A rule that looks at one pod-bearing object at a time.</summary>
internal abstract class WorkloadRule : IRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var workload in context.Workloads)
        {
            Check(workload, context);
        }
    }

    protected abstract void Check(Workload workload, AnalysisContext context);
}
