using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Ports;

/// <summary>
/// The node components held only where their pod runs (<see cref="NodeComponentPorts.Entries"/> not on every node),
/// and which of them each container image owns (<see cref="NodeReservedPort.IsOwnedBy"/>), worked out once per image
/// for a whole map: a snapshot's thousands of nodes run the same few host-network images, and each node asked every
/// entry of every container again. One thread at a time.
/// </summary>
internal sealed class ComponentImages
{
    private readonly Dictionary<string, bool[]> _owned = new(StringComparer.Ordinal);

    /// <summary>What a container without an image owns: nothing.</summary>
    private readonly bool[] _none;

    public ComponentImages()
    {
        Entries = [.. NodeComponentPorts.Entries.Where(e => !e.OnEveryNode)];
        _none = new bool[Entries.Length];
    }

    /// <summary>The entries, in catalogue order.</summary>
    public NodeReservedPort[] Entries { get; }

    /// <summary>For each of <see cref="Entries"/>, whether a container of <paramref name="image"/> is its owner.</summary>
    public bool[] OwnedBy(string? image)
    {
        if (string.IsNullOrEmpty(image))
        {
            return _none;
        }

        if (!_owned.TryGetValue(image, out var owned))
        {
            _owned[image] = owned = [.. Entries.Select(e => e.IsOwnedBy(image))];
        }

        return owned;
    }
}
