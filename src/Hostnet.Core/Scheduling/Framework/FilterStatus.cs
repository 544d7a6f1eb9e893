namespace Hostnet.Core.Scheduling.Framework;

/// <summary>A filter plugin's verdict on one node: its code, the plugin, and the reasons it gives.</summary>
/// <param name="Code">Success, or why the node is rejected.</param>
/// <param name="Plugin">The plugin that decided, e.g. <c>NodePorts</c>.</param>
/// <param name="Reasons">The reason strings, as the scheduler words them.</param>
internal sealed record FilterStatus(StatusCode Code, string Plugin, IReadOnlyList<string> Reasons)
{
    public static FilterStatus Success { get; } = new(StatusCode.Success, string.Empty, []);

    public bool IsSuccess => Code == StatusCode.Success;

    public static FilterStatus Unschedulable(string plugin, string reason) => new(StatusCode.Unschedulable, plugin, [reason]);

    public static FilterStatus Unresolvable(string plugin, string reason) => new(StatusCode.UnschedulableAndUnresolvable, plugin, [reason]);
}
