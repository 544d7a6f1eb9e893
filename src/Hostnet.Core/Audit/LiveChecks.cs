using Hostnet.Core.Analysis;

namespace Hostnet.Core.Audit;

/// <summary>The findings only a running cluster shows, each under the catalogue's rule for the failure it is (docs/audit.md).</summary>
internal static class LiveChecks
{
    public static IReadOnlyList<Action<LiveState, AnalysisContext>> All { get; } =
    [
        PendingForPorts.Check,
        PortClashes.Check,
        DaemonSetCoverage.Check,
        StuckRollouts.Check,
        NodePortRangeListeners.Check,
    ];

    /// <summary>Names for a message: the first few, then how many more.</summary>
    public static string List(IEnumerable<string> names) => Rules.RunTime.KnownNodes.List([.. names]);
}
