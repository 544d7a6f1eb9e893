namespace Hostnet.Core.Loading;

/// <summary>
/// A node of a loaded YAML or JSON document with the position it starts at.
/// Aliases share nodes, so the tree may be a DAG; the loader bounds its expanded size.
/// </summary>
public abstract class SourceNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>What a user would call this node's type in an error message.</summary>
    public abstract string TypeName { get; }
}
