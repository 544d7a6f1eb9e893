using System.Globalization;

namespace Hostnet.Core.Semantics.Ports;

/// <summary>
/// An inclusive range of ports, written <c>9100</c> or <c>9100-9199</c>: <c>reservedPorts</c> in <c>.hostnet.yaml</c>,
/// the webhook policy's <c>hostPorts.ranges</c> and <c>hostnet ports --free</c> all read it with <see cref="TryParse"/>.
/// </summary>
public readonly record struct PortRange(int From, int To)
{
    public bool Contains(int port) => port >= From && port <= To;

    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";

    /// <summary>Parses <c>N</c> or <c>FROM-TO</c> within 1-65535, FROM not above TO.</summary>
    public static bool TryParse(string text, out PortRange range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        var ok = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from);
        var to = from;
        if (ok && parts.Length == 2)
        {
            ok = int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out to);
        }

        range = new PortRange(from, to);
        return ok && from is >= 1 and <= 65535 && to >= from && to <= 65535;
    }
}
