namespace Hostnet.Core.Diagnostics;

/// <summary>The headings of RULES.md's sections, as <c>docs/rules/README.md</c> and <c>SHIPPED.md</c> write them.</summary>
internal static class RuleSectionTitles
{
    public static string Title(this RuleSection section) => section switch
    {
        RuleSection.ApiServerRejects => "A. The API server would reject it",
        RuleSection.WillNotRun => "B. It will not run as written",
        RuleSection.Dns => "C. DNS",
        RuleSection.ServicesAndNetworkPolicy => "D. Services and network policy",
        RuleSection.SecurityAndPolicy => "E. Security and policy",
        RuleSection.OnTheNode => "F. On the node",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
