using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Loading;

/// <summary>
/// Streams a JSON snapshot (a <c>List</c>, or one or more objects one after the other) through
/// <see cref="Utf8JsonReader"/> over a buffer refilled from the stream, never holding the whole text. Each object
/// becomes a small <see cref="SourceNode"/> tree of the fields the engine reads (<see cref="SnapshotTrimming"/>), with
/// line and column positions, handed to the builder (on its own thread: <see cref="SnapshotHandOff"/>) and dropped. An object that runs past the end of the buffer is
/// read again once the buffer is refilled (or grown, up to <see cref="LoaderLimits.MaxFileBytes"/> for one object).
/// The objects and arrays nothing reads (managedFields, a node's images: a third of what kubectl prints) are jumped
/// over by <see cref="JsonValueScanner"/> without being tokenised, the reader resumed after them (<see cref="Jump"/>).
/// The items of a <c>List</c> are jumped over too when <see cref="SnapshotItemChunks"/> is given: item readers
/// (<see cref="ForItems"/>) read them on other threads (<see cref="ReadItems"/>): straight from their bytes
/// (<see cref="TryReadWhole"/>), or, when an item is not plain JSON as kubectl prints it, tokenised with this same code.
/// </summary>
internal sealed partial class SnapshotJsonReader
{
    /// <summary>Large enough that a restart (an object cut by the buffer's end) costs about one object in a hundred.</summary>
    public const int BufferSize = 1 << 20;

    private const int MaxColumn = (1 << 28) - 1;

    /// <summary>The depth of an item of a List: in the items array of the top-level object.</summary>
    private const int ItemDepth = 2;

    private readonly string _path;
    private readonly Stream _stream;
    private readonly LoaderLimits _limits;
    private readonly SnapshotHandOff? _builder;
    private readonly SnapshotItemChunks? _chunks;
    private readonly PodInterner? _interner;
    private readonly int _maxDepth;
    private readonly SpanStringPool _strings = new();
    private readonly List<MappingEntry> _entries = [];
    private readonly List<InlineNode> _items = [];
    private readonly List<MappingEntry> _topEntries = [];

    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _base;
    private bool _final;
    private JsonReaderState _state;
    private Lines _lines = new(0, 1, 0);

    // Where the current Utf8JsonReader's span starts, after _start, and what its jumps left out.
    private int _origin;
    private Jumps _jumps;

    // Where the last jump resumed in the input, and where the value it jumped over ended (a reader without jumps rewinds there).
    private (long ResumedAt, SourcePosition ValueEnd) _lastJump = (-1, default);

    // Items of the current buffer were handed to an item reader while this reader still reads the buffer.
    private bool _shared;

    // Whether every node and key gets its line and column. An item reader places only what the model keeps of an object
    // (ClusterSnapshotBuilder.Thin keeps its kind and names: KeepsPosition): counting the lines up to every other node was 3 %
    // of an audit's samples, for positions dropped at once. An item with a duplicate key where keys are not placed is
    // read again, all placed, for the positions the error names (_unplacedDuplicate).
    private bool _placeEverything = true;
    private bool _unplacedDuplicate;

    private Top _top;
    private SourcePosition _topPosition;
    private bool _topHasItems;

    /// <param name="prefix">Bytes already read from the start of the input (to tell JSON from YAML); the rest follows in <paramref name="stream"/>.</param>
    /// <param name="chunks">Where the items of a List go to be read on other threads; null to read them here.</param>
    public SnapshotJsonReader(string path, ReadOnlySpan<byte> prefix, Stream stream, LoaderLimits limits, SnapshotHandOff builder, SnapshotItemChunks? chunks)
    {
        _path = path;
        _stream = stream;
        _limits = limits;
        _builder = builder;
        _chunks = chunks;
        _maxDepth = limits.MaxDepth;
        _buffer = new byte[Math.Max(BufferSize, prefix.Length)];
        prefix.CopyTo(_buffer);
        _end = prefix.Length;
        _state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = limits.MaxDepth });
    }

    private SnapshotJsonReader(string path, LoaderLimits limits, PodInterner interner)
    {
        _path = path;
        _interner = interner;
        _stream = Stream.Null;
        _limits = limits;
        _buffer = [];
        _final = true;
        _placeEverything = false;
        _maxDepth = limits.MaxDepth - ItemDepth;
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = _maxDepth });
    }

    private enum Top
    {
        /// <summary>Between top-level values.</summary>
        Between,

        /// <summary>Inside a top-level object, before a property or its end.</summary>
        Object,

        /// <summary>Inside the <c>items</c> array of a top-level object.</summary>
        Items,
    }

    private SnapshotHandOff Builder => _builder ?? throw new InvalidOperationException("an item reader hands nothing to a builder");

    private PodInterner Interner => _interner ?? throw new InvalidOperationException("only an item reader shares pods itself");

    /// <summary>A reader of the items a streaming reader jumped over (<see cref="ReadItems"/>); one per thread.</summary>
    /// <param name="interner">The builder's interner (<see cref="ClusterSnapshotBuilder.Interner"/>), thread-safe.</param>
    public static SnapshotJsonReader ForItems(string path, LoaderLimits limits, PodInterner interner) => new(path, limits, interner);

    /// <summary>
    /// Reads items of a List held whole in <paramref name="buffer"/> (whose first byte is at <paramref name="bufferBase"/>
    /// of the input) into the model, up to the first error: the same trees, positions and errors as reading them in the
    /// stream, the tokeniser's positions put back in the text as if everything before the item had been jumped over.
    /// </summary>
    public ItemsRead ReadItems(byte[] buffer, long bufferBase, List<Item> items)
    {
        _buffer = buffer;
        _base = bufferBase;
        var objects = new List<SnapshotObject?>(items.Count);
        try
        {
            foreach (var item in items)
            {
                if (!TryReadWhole(item, out var node) && !TryBuildItem(item, out node))
                {
                    if (!_unplacedDuplicate)
                    {
                        throw new InvalidOperationException("an item the scanner found whole ended early");
                    }

                    // Read again with every position, which the duplicate key's error names; it ends the items here.
                    _unplacedDuplicate = false;
                    _placeEverything = true;
                    TryBuildItem(item, out _);
                    throw new InvalidOperationException("a duplicate key read again went unseen");
                }

                objects.Add(ClusterSnapshotBuilder.Prepare(AsDocument(node.Node), Interner));
            }
        }
        catch (JsonException error)
        {
            return new ItemsRead(objects, ErrorPosition(error), Malformed(error));
        }
        catch (InputException error)
        {
            return new ItemsRead(objects, error.Position, error.Message);
        }
        finally
        {
            // An error leaves an item's partial entries on the stacks: the next buffer starts from empty ones.
            _buffer = [];
            _entries.Clear();
            _items.Clear();
            _placeEverything = false;
        }

        return new ItemsRead(objects, SourcePosition.Start, null);
    }

    /// <summary>Builds the tree of an item held whole in the buffer; false when it stopped at an unplaced duplicate key.</summary>
    private bool TryBuildItem(Item item, out InlineNode node)
    {
        _entries.Clear();
        _items.Clear();
        _start = item.Start;
        _end = item.End;
        _origin = 0;
        _lines = item.Lines;
        _jumps = default(Jumps).Over(new SourcePosition(1, 1), item.Position);
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: true, _state);
        node = default;
        return reader.Read() && TryBuild(ref reader, SnapshotScope.Root, placed: true, out node);
    }

    /// <summary>Reads the whole input into the builder; a malformed input stops at its first error.</summary>
    public void Read()
    {
        Fill();
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool done;
            try
            {
                done = Advance(ref reader);
            }
            catch (JsonException error)
            {
                Error(ErrorPosition(error), Malformed(error));
                return;
            }
            catch (InputException error)
            {
                Error(error.Position, error.Message);
                return;
            }

            _start += _origin + (int)reader.BytesConsumed;
            _origin = 0;
            _state = reader.CurrentState;
            if (done)
            {
                return;
            }

            if (_final)
            {
                Error(PositionAt(_base + _end), "malformed JSON: the input ends inside an object");
                return;
            }

            if (!Refill())
            {
                return;
            }
        }
    }

    private static string Malformed(JsonException error)
    {
        var message = error.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "malformed JSON: " + (cut >= 0 ? message[..cut] : message);
    }

    /// <summary>Where the tokeniser's error is in the text.</summary>
    private SourcePosition ErrorPosition(JsonException error)
    {
        var line = (int)Math.Min(int.MaxValue, (error.LineNumber ?? 0) + 1);
        var column = (int)Math.Min(int.MaxValue, (error.BytePositionInLine ?? 0) + 1);
        return _jumps.InText(line, column);
    }

    /// <summary>The reader's error, after the items jumped over before it.</summary>
    private void Error(SourcePosition position, string message)
    {
        HandOverItems();
        Builder.Error(position, message);
    }

    /// <summary>Hands the items jumped over so far to the item readers, before anything read after them reaches the builder.</summary>
    private void HandOverItems()
    {
        if (_chunks is { HasItems: true })
        {
            _chunks.Dispatch(_buffer, _base, reuse: false);
            _shared = true;
        }
    }

    /// <summary>Reads tokens until the input ends (true) or the buffer runs out inside a value (false, reader rewound).</summary>
    private bool Advance(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var checkpoint = reader;
            var lines = _lines;
            var origin = _origin;
            var jumps = _jumps;
            if (!reader.Read())
            {
                return _final && _top == Top.Between;
            }

            var complete = _top switch
            {
                Top.Between => StartTopValue(ref reader),
                Top.Object => ReadTopProperty(ref reader),
                _ => ReadItem(ref reader, checkpoint),
            };
            if (!complete)
            {
                reader = checkpoint;
                _lines = lines;
                _origin = origin;
                _jumps = jumps;
                return false;
            }
        }
    }

    private bool StartTopValue(ref Utf8JsonReader reader)
    {
        var position = Position(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InputException(position, $"not a List or a stream of Kubernetes objects: the input holds a JSON {TypeName(reader.TokenType)}");
        }

        _topPosition = position;
        _topEntries.Clear();
        _topHasItems = false;
        _top = Top.Object;
        return true;
    }

    private bool ReadTopProperty(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            FinishTopObject();
            _top = Top.Between;
            return true;
        }

        var keyPosition = Position(ref reader);
        if (reader.ValueTextEquals("items"u8))
        {
            var peek = reader;
            if (!peek.Read())
            {
                return false;
            }

            if (peek.TokenType == JsonTokenType.StartArray)
            {
                reader = peek;
                _topHasItems = true;
                _top = Top.Items;
                return true;
            }
        }

        var scope = SnapshotTrimming.Child(SnapshotScope.Root, Name(ref reader), TopKind());
        var key = String(ref reader);
        if (!reader.Read() || !TryBuild(ref reader, scope ?? SnapshotScope.Whole, placed: true, out var value))
        {
            return false;
        }

        if (_topEntries.FindIndex(e => e.Key == key) is var index and >= 0)
        {
            var first = _topEntries[index].KeyPosition;
            throw new InputException(keyPosition, $"key \"{key}\" already set in map (first at line {first.Line}, column {first.Column})");
        }

        _topEntries.Add(Entry(key, keyPosition, value));
        return true;
    }

    private string? TopKind() =>
        _topEntries.Find(e => e.Key == "kind").TryGetScalar(out var kind) ? kind.Value : null;

    /// <param name="before">The reader before the item's first token.</param>
    private bool ReadItem(ref Utf8JsonReader reader, in Utf8JsonReader before)
    {
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            HandOverItems();
            _top = Top.Object;
            return true;
        }

        if (_chunks is not null && reader.TokenType == JsonTokenType.StartObject)
        {
            var at = _origin + (int)reader.TokenStartIndex;
            var jumped = Jump(ref reader, at, before.CurrentState, _origin + (int)before.BytesConsumed, before.TokenType == JsonTokenType.StartArray, (byte)']', out var jumpedItem);
            if (jumped == Jumped.Incomplete && _buffer.AsSpan(_start, at).IndexOfAnyExcept(" \t\r\n,"u8) < 0)
            {
                // Unfinished though it starts the unread bytes of a full buffer: larger than the buffer, or not JSON (an
                // unterminated string pairs the quotes wrongly up to the end of the input). Tokenised here, as without
                // jumps: the buffer grows as it would, and an error is reported where it is, not as the size limit.
                jumped = Jumped.No;
            }

            if (jumped != Jumped.No)
            {
                if (jumped == Jumped.Yes)
                {
                    _chunks.Add(jumpedItem);
                }

                return jumped == Jumped.Yes;
            }
        }

        HandOverItems();
        if (!TryBuild(ref reader, SnapshotScope.Root, placed: true, out var item))
        {
            return false;
        }

        Emit(item.Node);
        return true;
    }

    private void FinishTopObject()
    {
        var root = new SourceMapping(_topPosition, [.. _topEntries]);
        if (!_topHasItems)
        {
            Emit(root);
            return;
        }

        var kind = Fields.String(root, "kind");
        if (kind is not null && !kind.EndsWith("List", StringComparison.Ordinal))
        {
            throw new InputException(_topPosition, $"not a List or a stream of Kubernetes objects: a {kind} with items");
        }

        Builder.ListPosition(_topPosition);
        Builder.ListAnnotations(Fields.StringMap(Fields.Map(root, "metadata"), "annotations"));
    }

    private void Emit(SourceNode node) => Builder.Add(AsDocument(node));

    private ManifestDocument AsDocument(SourceNode node)
    {
        if (node is not SourceMapping mapping
            || Fields.String(mapping, "apiVersion") is not { Length: > 0 } apiVersion
            || Fields.String(mapping, "kind") is not { Length: > 0 } kind)
        {
            throw new InputException(node.Position, node is SourceMapping
                ? "not a Kubernetes object (no apiVersion and kind)"
                : $"not a Kubernetes object (a {node.TypeName})");
        }

        return new ManifestDocument(_path, mapping, apiVersion, kind);
    }

    /// <summary>
    /// Builds the value the reader is on; false when the buffer ends inside it. A scalar is read as its mapping entry
    /// or its sequence keeps it (inline: its text, position and style), without a node that would be garbage at once.
    /// </summary>
    /// <param name="placed">Whether the value's position is kept (<see cref="_placeEverything"/>); else it is left at the start.</param>
    private bool TryBuild(ref Utf8JsonReader reader, SnapshotScope scope, bool placed, out InlineNode node)
    {
        var position = placed ? Position(ref reader) : SourcePosition.Start;
        bool built;
        SourceNode collection;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                built = TryBuildMapping(ref reader, scope, position, placed, out collection);
                break;
            case JsonTokenType.StartArray:
                built = TryBuildSequence(ref reader, scope, position, placed, out collection);
                break;
            case JsonTokenType.String:
                node = new InlineNode(new ScalarView(position, String(ref reader), ScalarStyle.Quoted));
                return true;
            default:
                // Numbers, true, false and null keep their text and read as YAML reads them unquoted.
                node = new InlineNode(new ScalarView(position, _strings.Share(reader.ValueSpan), ScalarStyle.Plain));
                return true;
        }

        node = built ? new InlineNode(collection) : default;
        return built;
    }

    /// <summary>The entry of a key and a value as <see cref="TryBuild"/> read it.</summary>
    private static MappingEntry Entry(string key, SourcePosition keyPosition, InlineNode value) =>
        value.TryGetScalar(out var scalar)
            ? new MappingEntry(key, keyPosition, ScalarStyle.Quoted, scalar)
            : new MappingEntry(key, keyPosition, ScalarStyle.Quoted, value.Collection!);

    private bool TryBuildMapping(ref Utf8JsonReader reader, SnapshotScope scope, SourcePosition position, bool placed, out SourceNode node)
    {
        node = null!;
        var start = _entries.Count;
        Dictionary<string, SourcePosition>? seen = null;
        var skipRest = false;
        string? kind = null;
        while (true)
        {
            // Where a jump over the next property resumes from: the reader as it was before the property's name.
            var before = scope == SnapshotScope.Whole && !skipRest ? default : reader.CurrentState;
            var beforeConsumed = _origin + (int)reader.BytesConsumed;
            var firstProperty = reader.TokenType == JsonTokenType.StartObject;
            if (!reader.Read())
            {
                return Abandon(start);
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var child = skipRest ? null : SnapshotTrimming.Child(scope, Name(ref reader), kind);
            if (child is null)
            {
                var jumped = Jump(ref reader, ValueAfterName(ref reader), before, beforeConsumed, firstProperty, (byte)'}', out _);
                if (jumped == Jumped.Incomplete || (jumped == Jumped.No && !reader.TrySkip()))
                {
                    return Abandon(start);
                }

                continue;
            }

            var keyPosition = placed ? Position(ref reader) : SourcePosition.Start;
            var key = String(ref reader);
            if (!reader.Read() || !TryBuild(ref reader, child.Value, placed && (_placeEverything || ClusterSnapshotBuilder.KeepsPosition(scope, key)), out var value))
            {
                return Abandon(start);
            }

            if (NodeStacks.FirstKeyIn(_entries, start, key, ref seen) is { } first)
            {
                if (!placed)
                {
                    _unplacedDuplicate = true;
                    return Abandon(start);
                }

                throw new InputException(keyPosition, $"key \"{key}\" already set in map (first at line {first.Line}, column {first.Column})");
            }

            AddEntry(key, keyPosition, value, scope, seen, ref kind, ref skipRest);
        }

        node = TakeMapping(start, position);
        return true;
    }

    /// <summary>
    /// Adds an entry to the mapping being read, and to its key index once it has one. At the root the object's kind
    /// says whether the rest is read: objects of kinds the engine does not use are read up to their kind (kubectl
    /// prints it second) and skipped.
    /// </summary>
    private void AddEntry(string key, SourcePosition keyPosition, InlineNode value, SnapshotScope scope, Dictionary<string, SourcePosition>? seen, ref string? kind, ref bool skipRest)
    {
        _entries.Add(Entry(key, keyPosition, value));
        seen?.Add(key, keyPosition);
        if (scope == SnapshotScope.Root && key == "kind" && value.TryGetScalar(out var kindValue))
        {
            kind = kindValue.Value;
            skipRest = !SnapshotTrimming.IsWanted(kind);
        }
    }

    /// <summary>The mapping of the entries from <paramref name="start"/> on, taken off the stack.</summary>
    private SourceMapping TakeMapping(int start, SourcePosition position)
    {
        var count = _entries.Count - start;
        var entries = count == 0 ? [] : new MappingEntry[count];
        _entries.CopyTo(start, entries, 0, count);
        _entries.RemoveRange(start, count);
        return new SourceMapping(position, entries);
    }

    /// <summary>The sequence of the items from <paramref name="start"/> on, taken off the stack.</summary>
    private SourceSequence TakeSequence(int start, SourcePosition position)
    {
        var node = SourceSequence.FromItems(position, CollectionsMarshal.AsSpan(_items)[start..]);
        _items.RemoveRange(start, _items.Count - start);
        return node;
    }

    /// <summary>Where the value after the property name the reader is on starts (past the colon).</summary>
    private int ValueAfterName(ref Utf8JsonReader reader)
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        var at = SkipWhiteSpace(data, _origin + (int)reader.BytesConsumed);
        return at < data.Length && data[at] == (byte)':' ? SkipWhiteSpace(data, at + 1) : at;
    }

    /// <summary>
    /// Jumps over the object or array at <paramref name="at"/> (after a property name, with its property, or an item of
    /// an array) when the text around it is as kubectl prints it: the reader restarts after it (past the comma when it
    /// came first in its object or array) in the state it had before it, so it reads on as if it had not been there.
    /// Anything else (a scalar, a nesting deeper than the limits allow, unpaired brackets, a first property or item
    /// followed by a comma but no further one) is left to the reader, which reports its errors exactly. Only the grammar
    /// between the brackets of a jumped value goes unchecked (a jumped item is checked by the item reader).
    /// </summary>
    /// <param name="closer">The byte that ends the object or array the value is in.</param>
    /// <param name="jumped">The value jumped over, with the line it starts on.</param>
    private Jumped Jump(ref Utf8JsonReader reader, int at, JsonReaderState before, int beforeConsumed, bool first, byte closer, out Item jumped)
    {
        jumped = default;
        var data = _buffer.AsSpan(_start, _end - _start);

        // One level below what the reader itself accepts: a value at the very limit goes to the reader, which reports it exactly.
        var newlines = JsonValueScanner.Newlines.None;
        var end = at >= data.Length ? JsonValueScanner.Incomplete
            : data[at] is (byte)'{' or (byte)'[' ? JsonValueScanner.ContainerEnd(data, at, _maxDepth - reader.CurrentDepth - 1, out newlines)
            : JsonValueScanner.Malformed;
        var resume = end < 0 ? end : SkipWhiteSpace(data, end);
        if (resume >= 0 && first && resume < data.Length && data[resume] == (byte)',')
        {
            // After an object's or array's start the reader expects the next property (item) or the end: it resumes at the next one.
            resume = SkipWhiteSpace(data, resume + 1);
            resume = resume < data.Length && data[resume] != (closer == (byte)'}' ? (byte)'"' : (byte)'{') ? JsonValueScanner.Malformed : resume;
        }
        else if (resume >= 0 && resume < data.Length && data[resume] != (byte)',' && data[resume] != closer)
        {
            resume = JsonValueScanner.Malformed;
        }

        if (resume == JsonValueScanner.Malformed || (_final && (resume < 0 || resume >= data.Length)))
        {
            return Jumped.No;
        }

        if (resume < 0 || resume >= data.Length)
        {
            return Jumped.Incomplete;
        }

        var from = PositionAt(_base + _start + beforeConsumed);
        var value = PositionAt(_base + _start + at);
        jumped = new Item(_start + at, _start + end, _lines, value);

        CountedThrough(_base + _start, end, newlines);
        var valueEnd = PositionAt(_base + _start + end);
        _jumps = _jumps.Over(from, PositionAt(_base + _start + resume));
        _lastJump = (_base + _start + resume, valueEnd);
        _origin = resume;
        reader = new Utf8JsonReader(data[resume..], _final, before);
        return Jumped.Yes;
    }

    /// <summary>
    /// Takes the newlines the scanner counted in a value (of the bytes from <paramref name="dataBase"/> of the input)
    /// that ends at <paramref name="end"/>, the lines counted up to its start: they are not counted again.
    /// </summary>
    private void CountedThrough(long dataBase, int end, JsonValueScanner.Newlines newlines) =>
        _lines = newlines.Count == 0
            ? _lines with { CountedTo = dataBase + end }
            : new Lines(dataBase + end, _lines.Line + newlines.Count, dataBase + newlines.Last + 1);

    private static int SkipWhiteSpace(ReadOnlySpan<byte> data, int at)
    {
        // Most runs are empty or one space (after a colon): looked at before a vector search, which costs more to start.
        if (at < data.Length && data[at] > (byte)' ')
        {
            return at;
        }

        if (at + 1 < data.Length && data[at] == (byte)' ' && data[at + 1] > (byte)' ')
        {
            return at + 1;
        }

        var next = data[at..].IndexOfAnyExcept(" \t\r\n"u8);
        return next < 0 ? data.Length : at + next;
    }

    private bool Abandon(int entriesStart)
    {
        _entries.RemoveRange(entriesStart, _entries.Count - entriesStart);
        return false;
    }

    /// <param name="placed">Whether the items' positions are kept.</param>
    private bool TryBuildSequence(ref Utf8JsonReader reader, SnapshotScope scope, SourcePosition position, bool placed, out SourceNode node)
    {
        node = null!;
        var start = _items.Count;
        while (true)
        {
            if (!reader.Read())
            {
                _items.RemoveRange(start, _items.Count - start);
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (!TryBuild(ref reader, scope, placed, out var item))
            {
                _items.RemoveRange(start, _items.Count - start);
                return false;
            }

            _items.Add(item);
        }

        node = TakeSequence(start, position);
        return true;
    }

    private string String(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Unescaped(ref reader) : _strings.Share(reader.ValueSpan);

    /// <summary>
    /// The unescaped UTF-8 name of the property the reader is on, compared directly with the names
    /// <see cref="SnapshotTrimming"/> knows (a property of a pod's spec with ten of them): cheaper than
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>, which checks the token and its escapes each time.
    /// </summary>
    private ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(Unescaped(ref reader)) : reader.ValueSpan;

    /// <summary>An escaped string's text; an escaped half of a surrogate pair, which has none, is an error at the string.</summary>
    private string Unescaped(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new InputException(Position(ref reader), "malformed JSON: " + error.Message);
        }
    }

    private SourcePosition Position(ref Utf8JsonReader reader) => Clamped(PositionAt(_base + _start + _origin + reader.TokenStartIndex));

    private static SourcePosition Clamped(SourcePosition position) => position.Column > MaxColumn ? position with { Column = MaxColumn } : position;

    /// <summary>The line and column of an offset at or after the last one asked for, counting the newlines in between.</summary>
    private SourcePosition PositionAt(long offset)
    {
        var span = _buffer.AsSpan((int)(_lines.CountedTo - _base), (int)(offset - _lines.CountedTo));
        var newlines = span.Count((byte)'\n');
        _lines = newlines == 0
            ? _lines with { CountedTo = offset }
            : new Lines(offset, _lines.Line + newlines, _lines.CountedTo + span.LastIndexOf((byte)'\n') + 1);
        return new SourcePosition(_lines.Line, (int)Math.Min(int.MaxValue, offset - _lines.LineStart + 1));
    }

    /// <summary>Moves the unread bytes to the front and reads more, growing the buffer when one value fills it.</summary>
    private bool Refill()
    {
        if (Builder.Stopped)
        {
            // An item's error ended the read.
            return false;
        }

        PositionAt(_base + _start);
        if (_start > 0 && _chunks is not null && (_chunks.HasItems || _shared))
        {
            // The items in this buffer are read from it on other threads: the rest moves to another buffer (back to
            // the usual size after a large object grew this one, when the rest fits).
            var next = _end - _start <= BufferSize ? _chunks.TakeBuffer() : new byte[_buffer.Length];
            Buffer.BlockCopy(_buffer, _start, next, 0, _end - _start);
            if (_chunks.HasItems)
            {
                _chunks.Dispatch(_buffer, _base, reuse: !_shared);
            }

            _buffer = next;
            _shared = false;
            _base += _start;
            _end -= _start;
            _start = 0;
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _base += _start;
            _end -= _start;
            _start = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _limits.MaxFileBytes)
            {
                // Where the reader without jumps stands: after the value before, when a jump resumed past its comma.
                var position = _lastJump.ResumedAt == _base ? _lastJump.ValueEnd : PositionAt(_base);
                Error(position, $"an object of the snapshot is larger than the {_limits.MaxFileBytes / (1024 * 1024)} MiB limit");
                return false;
            }

            Array.Resize(ref _buffer, (int)Math.Min(_limits.MaxFileBytes, 2L * _buffer.Length));
        }

        Fill();
        return true;
    }

    private void Fill()
    {
        while (_end < _buffer.Length && !_final)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
            }

            _end += read;
        }
    }

    private static string TypeName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        _ => "null",
    };

    private enum Jumped
    {
        /// <summary>The reader resumes after the value.</summary>
        Yes,

        /// <summary>The value is left to the reader.</summary>
        No,

        /// <summary>The buffer ends before the value does, or before what follows it.</summary>
        Incomplete,
    }

    /// <summary>
    /// What the jumps left out of the text the reader sees, to put its error positions back in the text: the newlines
    /// jumped over, the line of the last jump's end as the reader counts (0 before any jump), and the columns jumped
    /// over on that line.
    /// </summary>
    private readonly record struct Jumps(int Newlines, int Line, int Columns)
    {
        /// <summary>These jumps and one from <paramref name="from"/> to <paramref name="to"/> (positions in the text, after the last jump).</summary>
        public Jumps Over(SourcePosition from, SourcePosition to)
        {
            var line = from.Line - Newlines;
            var column = line == Line ? from.Column - Columns : from.Column;
            return new Jumps(Newlines + to.Line - from.Line, line, to.Column - column);
        }

        /// <summary>The position in the text of a position the reader reports after the last jump.</summary>
        public SourcePosition InText(int line, int column) =>
            Line == 0 ? new SourcePosition(line, column) : new SourcePosition(line + Newlines, line == Line ? column + Columns : column);
    }

    /// <summary>Newlines counted up to <paramref name="CountedTo"/>: the line there and the offset its line starts at.</summary>
    internal readonly record struct Lines(long CountedTo, int Line, long LineStart);

    /// <summary>An item of a List jumped over: where it is in its buffer, its position and the lines counted up to it.</summary>
    internal readonly record struct Item(int Start, int End, Lines Lines, SourcePosition Position);

    /// <summary>What <see cref="ReadItems"/> read: the objects in order, then the error that ended them (null when none).</summary>
    internal sealed record ItemsRead(List<SnapshotObject?> Objects, SourcePosition ErrorPosition, string? Error);
}
