using Hostnet.Core.Analysis;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// The nodes of the cluster given with <c>--cluster</c> and the Node objects of the input, once per name. When there
/// are any, the placement rules take them as the cluster's nodes and report at the stronger severity.
/// </summary>
internal static class KnownNodes
{
    public static IReadOnlyList<Node> Of(AnalysisContext context) => [.. context.Cluster.Nodes.Concat(context.Nodes).DistinctBy(n => n.Name, StringComparer.Ordinal)];

    /// <summary>Names for a message: the first few, then how many more.</summary>
    public static string List(IReadOnlyList<string> names)
    {
        const int shown = 5;
        return names.Count <= shown
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(shown)) + $" and {names.Count - shown} more";
    }
}
