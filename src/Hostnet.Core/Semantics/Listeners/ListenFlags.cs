
namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// Listen flags in a container's <c>command</c> and <c>args</c>, as one token stream (the runtime runs command
/// followed by args): <c>--flag=value</c>, <c>--flag value</c>, Go-style single dashes, and words of shell strings
/// (<c>sh -c "exec app --port=8080"</c>). The flags listed here count with any port or <c>host:port</c> value; any other
/// name that says listen, bind, port or address counts as <see cref="ListenSettingName"/> reads it (a wildcard host
/// where the name does not say listen). <c>--xds-port</c> or <c>--upstream</c> name where to connect to, and <c>-p</c>
/// means something else in every tool.
/// </summary>
internal static class ListenFlags
{
    private static readonly Dictionary<string, Flag> Known = new(StringComparer.Ordinal)
    {
        ["port"] = new(FlagKind.Port, null),
        ["listen-port"] = new(FlagKind.Port, null),
        ["server-port"] = new(FlagKind.Port, null),
        ["http-port"] = new(FlagKind.Port, "http"),
        ["https-port"] = new(FlagKind.Port, "https"),
        ["secure-port"] = new(FlagKind.Port, "https"),
        ["healthz-port"] = new(FlagKind.Port, "healthz"),
        ["health-port"] = new(FlagKind.Port, "health"),
        ["health-probe-port"] = new(FlagKind.Port, "health"),
        ["metrics-port"] = new(FlagKind.Port, "metrics"),
        ["webhook-port"] = new(FlagKind.Port, "webhook"),
        ["telemetry-port"] = new(FlagKind.Port, "telemetry"),
        ["listen"] = new(FlagKind.Address, null),
        ["listen-address"] = new(FlagKind.Address, null),
        ["listen-addr"] = new(FlagKind.Address, null),
        ["bind-address"] = new(FlagKind.Address, null),
        ["bind-addr"] = new(FlagKind.Address, null),
        ["http-endpoint"] = new(FlagKind.Address, null),
        ["secure-listen-address"] = new(FlagKind.Address, "https"),
        ["insecure-listen-address"] = new(FlagKind.Address, "http"),
        ["metrics-bind-address"] = new(FlagKind.Address, "metrics"),
        ["metrics-bind-addr"] = new(FlagKind.Address, "metrics"),
        ["metrics-address"] = new(FlagKind.Address, "metrics"),
        ["metrics-addr"] = new(FlagKind.Address, "metrics"),
        ["health-probe-bind-address"] = new(FlagKind.Address, "health"),
        ["health-probe-bind-addr"] = new(FlagKind.Address, "health"),
        ["healthz-bind-address"] = new(FlagKind.Address, "healthz"),
        ["healthz-bind-addr"] = new(FlagKind.Address, "healthz"),
    };

    private static readonly char[] CommandSeparators = [';', '&', '|', '\n'];

    /// <summary>Words that start a shell command without being its program.</summary>
    private static readonly HashSet<string> ShellKeywords = new(
        ["exec", "until", "while", "if", "then", "do", "else", "elif", "!", "time", "nohup", "command", "env"],
        StringComparer.Ordinal);

    /// <summary>Programs whose port options name a server to reach.</summary>
    private static readonly HashSet<string> Clients = new(
        [
            "curl", "wget", "nc", "ncat", "telnet", "psql", "pg_isready", "mysql", "mysqladmin", "redis-cli", "mongo",
            "mongosh", "grpc_health_probe", "grpcurl", "kubectl", "nslookup", "dig", "ssh", "scp",
        ],
        StringComparer.Ordinal);

    private enum FlagKind
    {
        Port,
        Address,

        /// <summary>A name outside the known list that says listen or bind.</summary>
        NamedListen,

        /// <summary>A name outside the known list that says port.</summary>
        NamedPort,

        /// <summary>A name outside the known list that says address or host.</summary>
        NamedAddress,
    }

    /// <summary>
    /// The names of <see cref="Known"/> looked up without a string: most words are no flag hostnet knows, and a known
    /// one needs its name only to find it.
    /// </summary>
    private static readonly Dictionary<string, Flag>.AlternateLookup<ReadOnlySpan<char>> KnownByName = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Names up to this long are lower-cased on the stack.</summary>
    private const int StackName = 128;

    /// <summary>Adds the listen flags among a container's words (see <see cref="Tokens"/>) to <paramref name="listeners"/>, in order.</summary>
    /// <param name="tokens">The words of command and args.</param>
    /// <param name="environment">Literal environment values, for <c>$(VAR)</c> references.</param>
    /// <param name="listeners">Where the listeners go.</param>
    public static void Find(IReadOnlyList<ArgumentWord> tokens, IReadOnlyDictionary<string, string> environment, List<InferredListener> listeners)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!TryReadFlag(token.Text, out var flag, out var portName, out var entryPoint, out var valueStart))
            {
                continue;
            }

            var evidence = token.Text;
            string value;
            if (valueStart < 0)
            {
                if (i + 1 >= tokens.Count || tokens[i + 1].Text.StartsWith('-'))
                {
                    continue;
                }

                value = tokens[i + 1].Text;
                evidence = token.Text + " " + value;
            }
            else
            {
                value = token.Text[valueStart..];
            }

            // A value in literal quotes (--metrics-address="0.0.0.0:29615", no shell to remove them) still names the port.
            if (TryParseValue(flag, entryPoint, VariableExpansion.Expand(value, environment).Trim('"', '\''), out var port, out var protocol, out var assumed))
            {
                listeners.Add(new InferredListener(port, protocol, ListenerSource.Argument, evidence, token.Path, portName) { ProtocolIsAssumed = assumed });
            }
        }
    }

    /// <summary>Whether some word is a listen flag, whatever its value: a value hostnet cannot read still moves the port.</summary>
    public static bool Mentioned(IReadOnlyList<ArgumentWord> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryReadFlag(tokens[i].Text, out _, out _, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of command then args, each with the field path of the item it came from.</summary>
    public static IReadOnlyList<ArgumentWord> Tokens(Model.Container container)
    {
        if (container.Command.Count == 0 && container.Args.Count == 0)
        {
            return [];
        }

        var tokens = new List<ArgumentWord>();
        AddItems(tokens, container.Command, container.Path, ArgumentWord.CommandList);
        AddItems(tokens, container.Args, container.Path, ArgumentWord.ArgsList);
        return tokens;
    }

    private static void AddItems(List<ArgumentWord> tokens, IReadOnlyList<string> items, string containerPath, string list)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!HasWhiteSpace(item))
            {
                tokens.Add(new ArgumentWord(item, containerPath, list, i));
                continue;
            }

            // A shell script or a "--flag value" item: read the words of each command, with quotes removed as the
            // shell does and without the brackets around them. A command that runs a known client
            // ("until pg_isready --port=5432; do …") names where to connect, not where to listen.
            foreach (var command in item.Split(CommandSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                var words = command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => w.Replace("\"", string.Empty, StringComparison.Ordinal)
                        .Replace("'", string.Empty, StringComparison.Ordinal)
                        .Trim('(', ')', '`', '{', '}'))
                    .Where(w => w.Length > 0)
                    .ToArray();
                var program = words.FirstOrDefault(w => !ShellKeywords.Contains(w) && !IsAssignment(w));
                if (program is null || !Clients.Contains(program[(program.LastIndexOf('/') + 1)..]))
                {
                    tokens.AddRange(words.Select(w => new ArgumentWord(w, containerPath, list, i)));
                }
            }
        }
    }

    private static bool HasWhiteSpace(string item)
    {
        foreach (var c in item)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && word[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    /// <summary>Whether a word is a listen flag; what kind, the port name it suggests, whether it is a Traefik entry point, and where its inline value starts (-1 without one).</summary>
    private static bool TryReadFlag(string text, out FlagKind kind, out string? portName, out bool entryPoint, out int valueStart)
    {
        kind = FlagKind.Port;
        portName = null;
        entryPoint = false;
        valueStart = -1;
        var dashes = text.StartsWith("--", StringComparison.Ordinal) ? 2 : text.StartsWith('-') ? 1 : 0;
        if (dashes == 0 || text.Length <= dashes + 1)
        {
            return false;
        }

        var body = text.AsSpan(dashes);
        var equals = body.IndexOf('=');
        valueStart = equals < 0 ? -1 : dashes + equals + 1;
        var rawName = equals < 0 ? body : body[..equals];
        // The name in lower case with dashes for underscores, on the stack: only a name outside the lists becomes a string.
        Span<char> name = rawName.Length <= StackName ? stackalloc char[rawName.Length] : new char[rawName.Length];
        rawName.ToLowerInvariant(name);
        name.Replace('_', '-');
        if (KnownByName.TryGetValue(name, out var flag))
        {
            kind = flag.Kind;
            portName = flag.PortName;
            return true;
        }

        // Prometheus-style dotted names (--web.listen-address, --cluster.listen-address) and Traefik entry points
        // (--entryPoints.web.address=:80/tcp), whose name becomes the port name.
        var lastDot = name.LastIndexOf('.');
        if (lastDot > 0 && name[(lastDot + 1)..] is "listen-address" or "listen-addr")
        {
            kind = FlagKind.Address;
            return true;
        }

        if (IsEntryPoint(name))
        {
            kind = FlagKind.Address;
            entryPoint = true;
            var entryPointName = name["entrypoints.".Length..^".address".Length].ToString();
            portName = PortNames.IsValid(entryPointName) ? entryPointName : null;
            return true;
        }

        // Any other name that says listen, bind, port or address (--metricsport, --listenBGPPort, --api-hosts).
        if (!ListenSettingName.MayName(rawName))
        {
            return false;
        }

        kind = ListenSettingName.Classify(rawName.ToString(), out portName) switch
        {
            ListenSettingName.Meaning.Listen => FlagKind.NamedListen,
            ListenSettingName.Meaning.Port => FlagKind.NamedPort,
            ListenSettingName.Meaning.Address => FlagKind.NamedAddress,
            _ => FlagKind.Port,
        };
        return kind != FlagKind.Port;
    }

    private static ListenSettingName.Meaning MeaningOf(FlagKind kind) => kind switch
    {
        FlagKind.NamedListen => ListenSettingName.Meaning.Listen,
        FlagKind.NamedPort => ListenSettingName.Meaning.Port,
        _ => ListenSettingName.Meaning.Address,
    };

    private static bool TryParseValue(FlagKind kind, bool entryPoint, string value, out int port, out string protocol, out bool assumed)
    {
        protocol = "TCP";
        assumed = true;
        if (kind is FlagKind.NamedListen or FlagKind.NamedPort or FlagKind.NamedAddress)
        {
            return ListenSettingName.TryParse(MeaningOf(kind), value, out port);
        }

        if (kind == FlagKind.Port)
        {
            return ListenAddress.TryParsePort(value, out port);
        }

        // Only a Traefik entry point names its protocol (":53/udp"); without the suffix it is TCP by Traefik's rule.
        assumed = !entryPoint;
        return ListenAddress.TryParse(value, allowProtocol: entryPoint, out port, out protocol);
    }

    private static bool IsEntryPoint(ReadOnlySpan<char> name) =>
        name.StartsWith("entrypoints.", StringComparison.Ordinal)
        && name.EndsWith(".address", StringComparison.Ordinal)
        && name.Length > "entrypoints..address".Length
        && name.Count('.') == 2;

    private sealed record Flag(FlagKind Kind, string? PortName);
}
