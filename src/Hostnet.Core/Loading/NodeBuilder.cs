using Hostnet.Core.Documents;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hostnet.Core.Loading;

/// <summary>
/// Builds <see cref="SourceNode"/> trees from YamlDotNet's event parser, which (unlike its representation model)
/// lets us bound depth and alias expansion, report duplicate keys with both positions, and apply YAML 1.1 merge keys
/// as sigs.k8s.io/yaml does. Trees live until the rules have run, so they are built lean: children are collected on
/// shared stacks (<see cref="NodeStacks"/>) and copied into exact-size arrays, and scalar texts are shared through the loader's pool.
/// </summary>
internal sealed class NodeBuilder(IParser parser, int firstLine, LoaderLimits limits, StringPool strings)
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private const string MergeKey = "<<";

    private readonly NodeStacks _stacks = new();
    private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceNode, long> _aliasedSizes = [];
    private readonly Stack<(SourcePosition Position, char Opening)> _openFlows = new();
    private long _expandedNodes;

    /// <summary>
    /// The innermost flow collection (<c>[</c> or <c>{</c>) still open where reading stopped: where to point when the
    /// text ends inside it, which YamlDotNet reports without a position.
    /// </summary>
    public (SourcePosition Position, char Opening)? OpenFlowCollection => _openFlows.Count > 0 ? _openFlows.Peek() : null;

    /// <summary>Reads every document of the chunk; an empty document yields nothing.</summary>
    public IEnumerable<SourceNode> ReadDocuments()
    {
        parser.Consume<StreamStart>();
        while (!parser.TryConsume<StreamEnd>(out _))
        {
            parser.Consume<DocumentStart>();
            _anchors.Clear();
            _aliasedSizes.Clear();
            _expandedNodes = 0;
            var root = ReadNode(depth: 1, out _);
            parser.Consume<DocumentEnd>();
            if (root is not SourceScalar { IsNull: true })
            {
                yield return root;
            }
        }
    }

    private SourcePosition PositionOf(Mark mark) => new((int)mark.Line + firstLine - 1, (int)mark.Column);

    private SourceNode ReadNode(int depth, out long size)
    {
        var current = parser.Current ?? throw new InputException(new SourcePosition(firstLine, 1), "unexpected end of the YAML stream");
        var position = PositionOf(current.Start);
        if (depth > limits.MaxDepth)
        {
            throw new InputException(position, $"nesting is deeper than {limits.MaxDepth} levels");
        }

        SourceNode node;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new InputException(position, $"unknown anchor '{alias.Value.Value}' referenced");
                }

                size = _aliasedSizes.GetValueOrDefault(target, 1);
                Count(size, position);
                return target;
            case Scalar scalar:
                parser.MoveNext();
                node = new SourceScalar(position, strings.Share(scalar.Value), StyleOf(scalar));
                size = 1;
                break;
            case SequenceStart sequence:
                parser.MoveNext();
                node = ReadSequence(position, depth, sequence.Style == SequenceStyle.Flow, out size);
                break;
            case MappingStart mapping:
                parser.MoveNext();
                node = ReadMapping(position, depth, mapping.Style == MappingStyle.Flow, out size);
                break;
            default:
                throw new InputException(position, $"unexpected YAML event {current.GetType().Name}");
        }

        Count(1, position);
        var anchor = current is NodeEvent { Anchor.IsEmpty: false } anchored ? anchored.Anchor.Value : null;
        if (anchor is not null)
        {
            _anchors[anchor] = node;
            _aliasedSizes[node] = size;
        }

        return node;
    }

    private void OpenFlow(bool flow, SourcePosition position, char opening)
    {
        if (flow)
        {
            _openFlows.Push((position, opening));
        }
    }

    private void CloseFlow(bool flow)
    {
        if (flow)
        {
            _openFlows.Pop();
        }
    }

    private void Count(long nodes, SourcePosition position)
    {
        _expandedNodes += nodes;
        if (_expandedNodes > limits.MaxExpandedNodes)
        {
            throw new InputException(position, $"the document expands to more than {limits.MaxExpandedNodes:N0} nodes through aliases (an alias bomb?)");
        }
    }

    private SourceSequence ReadSequence(SourcePosition position, int depth, bool flow, out long size)
    {
        OpenFlow(flow, position, '[');
        // Nested collections push and pop above this mark, so the items from it on are this sequence's.
        var start = _stacks.ItemCount;
        size = 1;
        while (parser.Current is not SequenceEnd)
        {
            var item = ReadNode(depth + 1, out var itemSize);
            _stacks.AddItem(item);
            size += itemSize;
        }

        // Closed before the parser moves on: what it finds next may fail, and that is no longer inside this sequence.
        CloseFlow(flow);
        parser.MoveNext();

        return _stacks.PopSequence(position, start);
    }

    private SourceMapping ReadMapping(SourcePosition position, int depth, bool flow, out long size)
    {
        OpenFlow(flow, position, '{');
        var start = _stacks.EntryCount;
        Dictionary<string, SourcePosition>? seen = null;
        List<SourceMapping>? merges = null;
        size = 1;
        while (parser.Current is not MappingEnd)
        {
            var keyNode = ReadNode(depth + 1, out _);
            if (keyNode is not SourceScalar key)
            {
                throw new InputException(keyNode.Position, "a mapping key must be a scalar, not a " + keyNode.TypeName);
            }

            var value = ReadNode(depth + 1, out var valueSize);
            size += valueSize + 1;
            if (key.IsPlain && key.Value == MergeKey)
            {
                merges ??= [];
                merges.AddRange(MergeSources(value));
                continue;
            }

            if (_stacks.FirstKey(start, key.Value, ref seen) is { } first)
            {
                throw new InputException(key.Position, $"key \"{key.Value}\" already set in map (first at line {first.Line}, column {first.Column})");
            }

            _stacks.AddEntry(new(key, value), seen);
        }

        CloseFlow(flow);
        parser.MoveNext();
        foreach (var source in merges ?? [])
        {
            foreach (var entry in source.Entries)
            {
                if (_stacks.FirstKey(start, entry.Key, ref seen) is null)
                {
                    _stacks.AddEntry(entry, seen);
                }
            }
        }

        return new SourceMapping(position, _stacks.PopEntries(start));
    }

    private static IEnumerable<SourceMapping> MergeSources(SourceNode value) => value switch
    {
        SourceMapping mapping => [mapping],
        SourceSequence sequence when sequence.Items.All(item => item is SourceMapping) => sequence.Items.Cast<SourceMapping>(),
        _ => throw new InputException(value.Position, "the merge key << needs a mapping or a list of mappings"),
    };

    private static Documents.ScalarStyle StyleOf(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag)
        {
            return Documents.ScalarStyle.Quoted;
        }

        return scalar.Style switch
        {
            YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted => Documents.ScalarStyle.Quoted,
            YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded => Documents.ScalarStyle.Block,
            _ => Documents.ScalarStyle.Plain,
        };
    }
}
