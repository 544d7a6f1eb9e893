using Hostnet.Core.Diagnostics;
using Hostnet.Core.NodeState;

namespace Hostnet.Core.Rules.OnNode;

/// <summary>A rule over what the agent sees on a node (RULES.md section F); stateless, like the manifest rules.</summary>
public interface INodeRule
{
    RuleDescriptor Descriptor { get; }

    /// <summary>The findings on this node, at the rule's default severity.</summary>
    IEnumerable<NodeFinding> Check(NodeView view);
}
