using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Analysis;

/// <summary>A rule that looks at one pod-bearing object at a time, so its workloads can be checked in parts at once.</summary>
internal abstract class WorkloadRule : IRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public void Check(AnalysisContext context) => Check(context, Range.All);

    /// <summary>Checks the workloads of <paramref name="part"/> (of <see cref="AnalysisContext.Workloads"/>), in order.</summary>
    public void Check(AnalysisContext context, Range part)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (start, length) = part.GetOffsetAndLength(context.Workloads.Count);
        for (var i = start; i < start + length; i++)
        {
            Check(context.Workloads[i], context);
        }
    }

    protected abstract void Check(Workload workload, AnalysisContext context);
}
