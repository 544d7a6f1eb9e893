namespace Hostnet.Core.Diagnostics;

/// <summary>The sections of RULES.md, in its order; <see cref="RuleSectionTitles.Title"/> gives each its heading.</summary>
public enum RuleSection
{
    /// <summary>A. The API server would reject it.</summary>
    ApiServerRejects,

    /// <summary>B. It will not run as written.</summary>
    WillNotRun,

    /// <summary>C. DNS.</summary>
    Dns,

    /// <summary>D. Services and network policy.</summary>
    ServicesAndNetworkPolicy,

    /// <summary>E. Security and policy.</summary>
    SecurityAndPolicy,

    /// <summary>F. On the node (observed by <c>hostnet agent</c>).</summary>
    OnTheNode,
}
