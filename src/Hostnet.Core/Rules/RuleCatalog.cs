using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules.Api;

namespace Hostnet.Core.Rules;

/// <summary>Every rule, registered explicitly (no reflection), section by section as RULES.md lists them.</summary>
public static class RuleCatalog
{
    /// <summary>The rules that run on manifests.</summary>
    public static IReadOnlyList<IRule> Rules { get; } =
    [
        .. ApiRules.All,
        .. RunTime.RunTimeRules.All,
        .. Dns.DnsRules.All,
        .. Services.ServiceRules.All,
        .. Security.SecurityRules.All,
    ];

    /// <summary>The rules that run on what <c>hostnet agent</c> sees on a node (section F).</summary>
    public static IReadOnlyList<OnNode.INodeRule> NodeRules => OnNode.NodeRules.All;

    /// <summary>Every ID of the catalogue, HN000 (input that cannot be read) and the node rules included.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
        [.. new[] { InvalidInput.Descriptor }.Concat(Rules.Select(r => r.Descriptor)).Concat(NodeRules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];

    public static RuleDescriptor? Find(string id) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Slug, id, StringComparison.OrdinalIgnoreCase));
}
