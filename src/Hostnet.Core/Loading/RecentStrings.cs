using System.Buffers.Binary;
using System.Text;

namespace Hostnet.Core.Loading;

/// <summary>
/// The short ASCII strings read lately, found again by their bytes: a webhook reads the same keys (<c>name</c>,
/// <c>containerPort</c>) and many of the same values (<c>TCP</c>, the same DaemonSet's image) in review after review,
/// and a string found here is neither decoded nor allocated again. One slot per hash, the newest string wins it: a
/// bounded table whatever the input (1,024 strings of at most 32 characters, about 100 KiB), so a flood of distinct
/// strings only evicts. Single-threaded (each <see cref="Utf8JsonTreeBuilder"/> of a thread has its own).
/// </summary>
internal sealed class RecentStrings
{
    /// <summary>Longer strings are rarely repeated (or cheap to compare against only to miss): they are decoded each time.</summary>
    public const int MaxLength = 32;

    private const int SlotBits = 10;

    private readonly string?[] _slots = new string?[1 << SlotBits];

    /// <summary>The string of <paramref name="ascii"/>: ASCII bytes without escapes, at most <see cref="MaxLength"/> of them.</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        ref var slot = ref _slots[Slot(ascii)];
        if (slot is { } recent && recent.Length == ascii.Length && Ascii.Equals(ascii, recent))
        {
            return recent;
        }

        return slot = Encoding.ASCII.GetString(ascii);
    }

    /// <summary>A multiplicative hash of the length and the first and last eight bytes (all of them up to sixteen).</summary>
    private static int Slot(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        ulong head, tail;
        if (bytes.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^sizeof(ulong)..]);
        }
        else
        {
            head = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                head |= (ulong)bytes[i] << (8 * i);
            }

            tail = 0;
        }

        var hash = ((head * Multiplier) ^ ulong.RotateLeft(tail, 29) ^ (ulong)bytes.Length) * Multiplier;
        return (int)(hash >> (64 - SlotBits));
    }
}
