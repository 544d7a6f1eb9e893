using System.Text;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>
/// A resolver configuration: what a resolv.conf file says, or what the kubelet hands the container runtime for a
/// pod (runtimeapi.DNSConfig: servers, searches, options).
/// </summary>
public sealed record ResolvConf(IReadOnlyList<string> Nameservers, IReadOnlyList<string> Searches, IReadOnlyList<string> Options)
{
    public static ResolvConf Empty { get; } = new([], [], []);

    /// <summary>
    /// Reads a resolv.conf as the kubelet does (pkg/kubelet/network/dns/dns.go, parseResolvConf): <c>nameserver</c>
    /// lines accumulate (first word after the keyword), the last <c>search</c> line wins with trailing dots trimmed,
    /// the last <c>options</c> line wins, lines starting with <c>#</c> are comments, anything else is ignored.
    /// </summary>
    public static ParsedResolvConf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nameservers = new List<string>();
        IReadOnlyList<string> searches = [];
        IReadOnlyList<string> options = [];
        var emptyNameserver = false;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#'))
            {
                continue;
            }

            var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            switch (fields[0])
            {
                case "nameserver" when fields.Length >= 2:
                    nameservers.Add(fields[1]);
                    break;
                case "nameserver":
                    emptyNameserver = true;
                    break;
                case "search":
                    // Upstream normalises "example.com." to "example.com" so both spellings count once.
                    searches = [.. fields.Skip(1).Select(s => s.EndsWith('.') ? s[..^1] : s)];
                    break;
                case "options":
                    options = fields[1..];
                    break;
                default:
                    break;
            }
        }

        // utilerrors.NewAggregate prints identical messages once; the text keeps upstream's trailing space.
        return new ParsedResolvConf(new ResolvConf(nameservers, searches, options), emptyNameserver ? "nameserver list is empty " : null);
    }

    /// <summary>
    /// The file the container runtime writes from this configuration: a search line, one nameserver line per server,
    /// an options line, each only when not empty (containerd, parseDNSOptions; CRI-O writes the same). When all
    /// three are empty the runtime copies the node's /etc/resolv.conf instead, and this returns the empty string.
    /// </summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Searches.Count > 0)
        {
            text.Append("search ").AppendJoin(' ', Searches).Append('\n');
        }

        foreach (var nameserver in Nameservers)
        {
            text.Append("nameserver ").Append(nameserver).Append('\n');
        }

        if (Options.Count > 0)
        {
            text.Append("options ").AppendJoin(' ', Options).Append('\n');
        }

        return text.ToString();
    }
}
