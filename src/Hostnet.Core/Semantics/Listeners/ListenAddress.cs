using System.Globalization;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>Parses the port out of listen values: <c>8080</c>, <c>:8080</c>, <c>0.0.0.0:8080</c>, <c>[::]:8080</c>.</summary>
internal static class ListenAddress
{
    /// <summary>A bare port number, 1–65535 (0 asks the kernel for any free port, so it is no fixed listener).</summary>
    public static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        return text.Length is > 0 and <= 5
            && !text.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= 65535;
    }

    /// <summary>
    /// <c>host:port</c> with an optional host (<c>:9100</c>), IPv6 in brackets (<c>[::]:9100</c>), and with
    /// <paramref name="allowProtocol"/> a Traefik-style <c>/udp</c> or <c>/tcp</c> suffix. A value without a port
    /// (<c>0.0.0.0</c>, or <c>0</c> which disables a server) does not parse.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool allowProtocol, out int port, out string protocol)
    {
        port = 0;
        protocol = "TCP";
        var value = text;
        var slash = value.LastIndexOf('/');
        if (allowProtocol && slash >= 0)
        {
            protocol = value[(slash + 1)..].ToString().ToUpperInvariant() switch
            {
                "TCP" => "TCP",
                "UDP" => "UDP",
                _ => string.Empty,
            };
            value = value[..slash];
        }

        if (protocol.Length == 0)
        {
            return false;
        }

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> portText;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = value[..(close + 1)];
            portText = value[(close + 2)..];
        }
        else
        {
            var colon = value.LastIndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            host = value[..colon];
            portText = value[(colon + 1)..];
        }

        // An unbracketed IPv6 address ("::1:9100") is ambiguous; a scheme ("http://") means a URL, not a listen address.
        var bracketed = host.StartsWith('[');
        return (bracketed || !host.Contains(':')) && !host.Contains('/') && TryParsePort(portText, out port);
    }
}
