using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Analysis;

/// <summary>A stateless check over the whole input; reports through the context.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    void Check(AnalysisContext context);
}
