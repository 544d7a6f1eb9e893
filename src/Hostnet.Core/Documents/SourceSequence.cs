namespace Hostnet.Core.Documents;

/// <summary>A YAML sequence or JSON array.</summary>
internal sealed class SourceSequence(SourcePosition position, IReadOnlyList<SourceNode> items) : SourceNode(position)
{
    public IReadOnlyList<SourceNode> Items { get; } = items;

    public override string TypeName => "array";
}
