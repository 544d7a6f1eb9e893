using System.Runtime.CompilerServices;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// 256 bits summarizing a set of port numbers, bit <c>port % 256</c> for each: a clear bit proves a number absent
/// without a lookup, a set bit only says "look closer".
/// </summary>
internal struct PortNumberMask
{
    private Words _words;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool MayContain(int port) => (_words[(port >> 6) & 3] & (1UL << port)) != 0;

    public void Add(int port) => _words[(port >> 6) & 3] |= 1UL << port;

    [InlineArray(4)]
    private struct Words
    {
        private ulong _word;
    }
}
