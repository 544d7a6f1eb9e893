namespace Hostnet.Core.Documents;

/// <summary>
/// A node of a loaded YAML or JSON document with the position it starts at.
/// Aliases share nodes, so the tree may be a DAG; the loader bounds its expanded size.
/// </summary>
public abstract class SourceNode
{
    // Every node of every input stays alive until the rules have run, so a node is kept small: the column shares
    // its int with a few bits of subclass data (a scalar's style), which keeps a scalar at 32 bytes instead of 40.
    // Not readonly: ShiftLines moves a kept tree when an earlier document of its file gained or lost lines.
    private PackedPosition _position;

    protected SourceNode(SourcePosition position)
        : this(position, 0)
    {
    }

    private protected SourceNode(SourcePosition position, int tag)
    {
        _position = new PackedPosition(position, tag);
    }

    public SourcePosition Position => _position.Position;

    /// <summary>What a user would call this node's type in an error message.</summary>
    public abstract string TypeName { get; }

    /// <summary>
    /// Moves the trees under <paramref name="roots"/> <paramref name="lines"/> lines down (up when negative), in place:
    /// <c>hostnet fix</c> keeps the trees (and what was read from them) of the documents an edit did not touch, whose
    /// text is the same but starts lower or higher when an earlier document of the file gained or lost lines. A node
    /// that aliases share, within one document or between the items of one List, moves once.
    /// </summary>
    internal static void ShiftLines(IEnumerable<SourceNode> roots, int lines)
    {
        var moved = new HashSet<SourceNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<SourceNode>(roots);
        while (pending.TryPop(out var node))
        {
            if (!moved.Add(node))
            {
                continue;
            }

            node._position = node._position.ShiftedBy(lines);
            switch (node)
            {
                case SourceMapping mapping:
                    mapping.ShiftInline(lines);
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.CollectionValue is { } value)
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case SourceSequence sequence:
                    sequence.ShiftInline(lines);
                    for (var i = 0; i < sequence.Count; i++)
                    {
                        if (sequence.CollectionAt(i) is { } item)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The subclass data stored beside the column (0–7).</summary>
    private protected int Tag => _position.Tag;

    /// <summary>The position with the subclass data, as stored.</summary>
    private protected PackedPosition PackedPosition => _position;
}
