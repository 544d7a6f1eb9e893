using System.Globalization;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>Ports as messages show them: <c>8080</c> for TCP, the default protocol, and <c>53/UDP</c> otherwise.</summary>
internal static class PortText
{
    public static string Of(int port, string protocol) => protocol == "TCP"
        ? port.ToString(CultureInfo.InvariantCulture)
        : WithProtocol(port, protocol);

    public static string WithProtocol(int port, string protocol) =>
        string.Create(CultureInfo.InvariantCulture, $"{port}/{protocol}");
}
