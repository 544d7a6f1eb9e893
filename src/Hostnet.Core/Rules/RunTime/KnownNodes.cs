using Hostnet.Core.Analysis;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>How the placement rules name the nodes of <see cref="AnalysisContext.RunningCluster"/> in their messages.</summary>
internal static class KnownNodes
{
    /// <summary>Names for a message: the first few, then how many more.</summary>
    public static string List(IReadOnlyList<string> names)
    {
        const int shown = 5;
        return names.Count <= shown
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(shown)) + $" and {names.Count - shown} more";
    }
}
