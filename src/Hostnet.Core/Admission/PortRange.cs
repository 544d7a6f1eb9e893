namespace Hostnet.Core.Admission;

/// <summary>An inclusive range of ports, written <c>9100</c> or <c>"9100-9199"</c>.</summary>
public readonly record struct PortRange(int From, int To)
{
    public bool Contains(int port) => port >= From && port <= To;

    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}
