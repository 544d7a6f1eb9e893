namespace Hostnet.Core.Scheduling.Framework;

/// <summary>A plugin's PreFilter outcome for one pod.</summary>
/// <param name="Filter">The per-node check, or null when the plugin has nothing to check (upstream's <c>Skip</c>).</param>
/// <param name="NodeNames">The only nodes worth filtering (upstream's PreFilterResult.NodeNames), or null for all.</param>
internal sealed record PreFilterResult(Func<NodeInfo, FilterStatus>? Filter, IReadOnlySet<string>? NodeNames = null)
{
    public static PreFilterResult Skip { get; } = new((Func<NodeInfo, FilterStatus>?)null);
}
