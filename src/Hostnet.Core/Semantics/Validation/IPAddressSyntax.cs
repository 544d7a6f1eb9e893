namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// Whether text is an IP address as the API reads it. Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/ip.go
/// (IsValidIP), which parses with k8s.io/utils/net ParseIPSloppy: Go 1.16's net.ParseIP, which (unlike later Go)
/// still accepts leading zeros in IPv4 parts. No zones (<c>%eth0</c>), brackets or prefixes.
/// </summary>
public static class IPAddressSyntax
{
    /// <summary>The detail of IsValidIP's error.</summary>
    public const string InvalidIPError = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    private const int Big = 0xFFFFFF;
    private const int IPv4Length = 4;
    private const int IPv6Length = 16;

    public static bool IsValid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            switch (c)
            {
                case '.':
                    return IsIPv4(text);
                case ':':
                    return IsIPv6(text);
            }
        }

        return false;
    }

    private static bool IsIPv4(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < IPv4Length; i++)
        {
            if (s.IsEmpty)
            {
                return false;
            }

            if (i > 0)
            {
                if (s[0] != '.')
                {
                    return false;
                }

                s = s[1..];
            }

            if (!DecimalToInt(s, out var n, out var consumed) || n > 0xFF)
            {
                return false;
            }

            s = s[consumed..];
        }

        return s.IsEmpty;
    }

    private static bool IsIPv6(ReadOnlySpan<char> s)
    {
        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.IsEmpty)
            {
                return true;
            }
        }

        var i = 0;
        while (i < IPv6Length)
        {
            if (!HexToInt(s, out var n, out var consumed) || n > 0xFFFF)
            {
                return false;
            }

            // A dot after the hex digits means an embedded IPv4 address, allowed only in the last 4 bytes.
            if (consumed < s.Length && s[consumed] == '.')
            {
                if ((ellipsis < 0 && i != IPv6Length - IPv4Length) || i + IPv4Length > IPv6Length || !IsIPv4(s))
                {
                    return false;
                }

                s = [];
                i += IPv4Length;
                break;
            }

            i += 2;
            s = s[consumed..];
            if (s.IsEmpty)
            {
                break;
            }

            if (s[0] != ':' || s.Length == 1)
            {
                return false;
            }

            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return false;
                }

                ellipsis = i;
                s = s[1..];
                if (s.IsEmpty)
                {
                    break;
                }
            }
        }

        if (!s.IsEmpty)
        {
            return false;
        }

        // Too few groups need an ellipsis to fill; a full address leaves it nothing to stand for.
        return i < IPv6Length ? ellipsis >= 0 : ellipsis < 0;
    }

    private static bool DecimalToInt(ReadOnlySpan<char> s, out int n, out int consumed)
    {
        n = 0;
        for (consumed = 0; consumed < s.Length && s[consumed] is >= '0' and <= '9'; consumed++)
        {
            n = (n * 10) + (s[consumed] - '0');
            if (n >= Big)
            {
                return false;
            }
        }

        return consumed > 0;
    }

    private static bool HexToInt(ReadOnlySpan<char> s, out int n, out int consumed)
    {
        n = 0;
        for (consumed = 0; consumed < s.Length; consumed++)
        {
            var digit = s[consumed] switch
            {
                >= '0' and <= '9' => s[consumed] - '0',
                >= 'a' and <= 'f' => s[consumed] - 'a' + 10,
                >= 'A' and <= 'F' => s[consumed] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                break;
            }

            n = (n * 16) + digit;
            if (n >= Big)
            {
                return false;
            }
        }

        return consumed > 0;
    }
}
