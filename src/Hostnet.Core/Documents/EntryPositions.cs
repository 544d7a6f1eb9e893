namespace Hostnet.Core.Documents;

/// <summary>
/// A mapping entry's key position and style and its scalar value's position and style, in eight bytes instead of
/// sixteen: there are millions of entries in a large check, all alive until the rules have run. The value is stored
/// as lines below the key (almost always 0) and its column. Positions too far out to pack (a key past line 16,777,215
/// or column 4,095, a value 16 lines or more below its key or past column 1,048,575, as in a long one-line JSON) are
/// not packed: <see cref="TryPack"/> says so and the entry keeps them in full.
/// </summary>
internal readonly struct EntryPositions
{
    private const int ValueColumnBits = 20;
    private const int ValueLineBits = 4;
    private const int StyleBits = 2;
    private const int KeyColumnBits = 12;
    private const int KeyLineBits = 24;

    private const int ValueLineShift = ValueColumnBits;
    private const int ValueStyleShift = ValueLineShift + ValueLineBits;
    private const int KeyStyleShift = ValueStyleShift + StyleBits;
    private const int KeyColumnShift = KeyStyleShift + StyleBits;
    private const int KeyLineShift = KeyColumnShift + KeyColumnBits;

    private readonly ulong _bits;

    private EntryPositions(ulong bits) => _bits = bits;

    public SourcePosition KeyPosition => new(Field(KeyLineShift, KeyLineBits), Field(KeyColumnShift, KeyColumnBits));

    public ScalarStyle KeyStyle => (ScalarStyle)Field(KeyStyleShift, StyleBits);

    public SourcePosition ValuePosition =>
        new(Field(KeyLineShift, KeyLineBits) + Field(ValueLineShift, ValueLineBits), Field(0, ValueColumnBits));

    public ScalarStyle ValueStyle => (ScalarStyle)Field(ValueStyleShift, StyleBits);

    /// <summary>Packs the positions and styles of a key and its value; false when one does not fit.</summary>
    public static bool TryPack(SourcePosition key, ScalarStyle keyStyle, SourcePosition value, ScalarStyle valueStyle, out EntryPositions packed)
    {
        var below = value.Line - key.Line;
        if (!Fits(key.Line, KeyLineBits) || !Fits(key.Column, KeyColumnBits) || !Fits(below, ValueLineBits)
            || !Fits(value.Column, ValueColumnBits) || !Fits((int)keyStyle, StyleBits) || !Fits((int)valueStyle, StyleBits))
        {
            packed = default;
            return false;
        }

        packed = new EntryPositions(
            ((ulong)(uint)key.Line << KeyLineShift) | ((ulong)(uint)key.Column << KeyColumnShift)
            | ((ulong)(uint)keyStyle << KeyStyleShift) | ((ulong)(uint)valueStyle << ValueStyleShift)
            | ((ulong)(uint)below << ValueLineShift) | (uint)value.Column);
        return true;
    }

    private static bool Fits(int value, int bits) => (uint)value < 1u << bits;

    private int Field(int shift, int bits) => (int)((_bits >> shift) & ((1ul << bits) - 1));
}
