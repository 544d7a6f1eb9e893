namespace Hostnet.Core.Rules.OnNode;

/// <summary>RULES.md section F: on the node, observed by <c>hostnet agent</c>.</summary>
public static class NodeRules
{
    public const string Section = "F. On the node";

    public static IReadOnlyList<INodeRule> All { get; } =
    [
        new UndeclaredNodeListener(),
        new DeclaredPortNotListening(),
        new HostPortHeld(),
        new NodePortRangeListener(),
    ];
}
