namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// What the name of a flag, variable or config key says about its value, beyond the names
/// <see cref="ListenFlags"/> and <see cref="ListenEnvironment"/> know: words that say listen or bind (a listen address
/// whatever its host), words that say port (a port, or a wildcard <c>host:port</c>), and words that say address or
/// host (a wildcard or empty host with a port: <c>:50051</c>, <c>0.0.0.0:9620</c>). A name that also says where a
/// remote end is (<c>apiserver</c>, <c>upstream</c>, <c>kubeconfig</c>, …) is no listen setting. Names are split at
/// dashes, dots, underscores and case changes (<c>listenBGPPort</c>: listen, bgp, port), and a run-on word ending in
/// port or addr is split too (<c>metricsport</c>: metrics, port).
/// </summary>
internal static class ListenSettingName
{
    /// <summary>Words naming the other end of a connection: a port or address beside them is where to connect to.</summary>
    private static readonly HashSet<string> RemoteWords = new(
        [
            "apiserver", "kubeconfig", "master", "upstream", "remote", "target", "backend", "advertise", "xds", "server",
            "client", "dial", "connect", "peer", "proxy", "registry", "db", "database", "redis", "etcd", "kafka",
            "collector", "otlp", "jaeger", "zipkin", "statsd", "syslog", "sink", "push", "pushgateway", "gateway",
            "forward", "destination", "dest", "nameserver", "dns", "service", "svc", "node", "external", "public",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string> ListenWords = new(["listen", "bind"], StringComparer.Ordinal);

    private static readonly HashSet<string> PortWords = new(["port", "ports"], StringComparer.Ordinal);

    private static readonly HashSet<string> AddressWords = new(["addr", "address", "addrs", "addresses", "host", "hosts"], StringComparer.Ordinal);

    /// <summary>Endings split off a run-on word: <c>metricsport</c>, <c>listenaddr</c>.</summary>
    private static readonly string[] RunOnEndings = ["port", "addr", "address"];

    /// <summary>How sure a name is that its value is where the process listens.</summary>
    public enum Meaning
    {
        /// <summary>Not a listen setting.</summary>
        None,

        /// <summary>Says listen or bind: any <c>host:port</c> or port is a listener.</summary>
        Listen,

        /// <summary>Says port: a port, or <c>host:port</c> with a wildcard or empty host.</summary>
        Port,

        /// <summary>Says address or host: only <c>host:port</c> with a wildcard or empty host.</summary>
        Address,
    }

    /// <summary>The meaning of a name, and a port name from its other words (<c>metrics</c> for <c>metricsport</c>).</summary>
    public static Meaning Classify(string name, out string? portName)
    {
        portName = null;
        if (!MayName(name))
        {
            return Meaning.None;
        }

        var words = Words(name);
        if (words.Count < 2 && !(words.Count == 1 && ListenWords.Contains(words[0])))
        {
            return Meaning.None;
        }

        var meaning = words.Any(ListenWords.Contains) ? Meaning.Listen
            : PortWords.Contains(words[^1]) ? Meaning.Port
            : AddressWords.Contains(words[^1]) ? Meaning.Address
            : Meaning.None;
        // A name that says listen or bind is about this process, whatever else it names (--prometheus-listen-addr).
        if (meaning == Meaning.None || (meaning != Meaning.Listen && words.Any(RemoteWords.Contains)))
        {
            return Meaning.None;
        }

        var rest = string.Join('-', words.Where(w => !ListenWords.Contains(w) && !PortWords.Contains(w) && !AddressWords.Contains(w)));
        portName = PortNames.IsValid(rest) ? rest : null;
        return meaning;
    }

    /// <summary>
    /// Whether the name holds, in any case, a word <see cref="Classify"/> looks for (listen, bind, port, addr…,
    /// host…): one without cannot mean anything, and most names (LOG_LEVEL, --v) need no words split for that.
    /// </summary>
    public static bool MayName(ReadOnlySpan<char> name) =>
        name.Contains("port", StringComparison.OrdinalIgnoreCase)
        || name.Contains("addr", StringComparison.OrdinalIgnoreCase)
        || name.Contains("listen", StringComparison.OrdinalIgnoreCase)
        || name.Contains("bind", StringComparison.OrdinalIgnoreCase)
        || name.Contains("host", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the value, read for a name of this meaning, is a listen port; the port and protocol when it is.</summary>
    public static bool TryParse(Meaning meaning, string value, out int port)
    {
        port = 0;
        var text = value.Trim('"', '\'');
        if (meaning is Meaning.Listen or Meaning.Port && ListenAddress.TryParsePort(text, out port))
        {
            return true;
        }

        if (!ListenAddress.TryParse(text, allowProtocol: false, out port, out _))
        {
            return false;
        }

        return meaning == Meaning.Listen || IsWildcardHost(text.AsSpan(0, text.LastIndexOf(':')));
    }

    /// <summary>An empty host or an any-address: nothing a client could connect to, so the value is a listen address.</summary>
    public static bool IsWildcardHost(ReadOnlySpan<char> host) => host is "" or "0.0.0.0" or "[::]" or "*";

    /// <summary>The words of a name, lower case.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            // A case change starts a word: listenBGP|Port, listen|BGP.
            var startsWord = i > 0 && char.IsAsciiLetterUpper(c)
                && (char.IsAsciiLetterLower(name[i - 1]) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && char.IsAsciiLetterUpper(name[i - 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var word = current.ToString();
            current.Clear();
            var suffix = RunOnEndings.FirstOrDefault(s => word.Length > s.Length + 2 && word.EndsWith(s, StringComparison.Ordinal));
            if (suffix is not null)
            {
                words.Add(word[..^suffix.Length]);
                words.Add(suffix);
                return;
            }

            words.Add(word);
        }
    }
}
