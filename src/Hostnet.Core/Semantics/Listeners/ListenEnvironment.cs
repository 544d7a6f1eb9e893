
namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// Environment variables that tell a process where to listen: <c>PORT</c> and a few <c>*_PORT</c> names that mean
/// the process's own port (<c>HTTP_PORT</c>, <c>LISTEN_PORT</c>, <c>METRICS_PORT</c>, …), and listen addresses
/// (<c>LISTEN_ADDR=:8080</c>). Not <c>*_SERVICE_PORT</c>, which Kubernetes injects for other Services, nor client
/// settings such as <c>DB_PORT</c> or <c>REDIS_PORT</c>. Names are case-sensitive, as the process sees them.
/// </summary>
internal static class ListenEnvironment
{
    private static readonly Dictionary<string, string?> Ports = new(StringComparer.Ordinal)
    {
        ["PORT"] = null,
        ["LISTEN_PORT"] = null,
        ["SERVER_PORT"] = null,
        ["HTTP_PORT"] = "http",
        ["HTTPS_PORT"] = "https",
        ["WEB_PORT"] = null,
        ["METRICS_PORT"] = "metrics",
        ["HEALTH_PORT"] = "health",
        ["HEALTHZ_PORT"] = "healthz",
    };

    private static readonly Dictionary<string, string?> Addresses = new(StringComparer.Ordinal)
    {
        ["LISTEN_ADDR"] = null,
        ["LISTEN_ADDRESS"] = null,
        ["BIND_ADDR"] = null,
        ["BIND_ADDRESS"] = null,
        ["METRICS_ADDR"] = "metrics",
        ["METRICS_BIND_ADDRESS"] = "metrics",
        ["HEALTH_PROBE_BIND_ADDRESS"] = "health",
    };

    /// <summary>Words before PORT or ADDR that name one of the process's own servers.</summary>
    private static readonly HashSet<string> OwnServers = new(
        ["metrics", "health", "healthz", "http", "https", "grpc", "admin", "web", "app", "probe", "prometheus", "status", "debug", "pprof", "webhook"],
        StringComparer.Ordinal);

    /// <summary>Adds the listen settings among a container's environment variables with literal values to <paramref name="listeners"/>, in order.</summary>
    public static void Find(Model.Container container, IReadOnlyDictionary<string, string> environment, List<InferredListener> listeners)
    {
        for (var i = 0; i < container.Env.Count; i++)
        {
            var variable = container.Env[i];
            if (variable.Value is not { } raw)
            {
                continue;
            }

            var isPort = IsPortName(variable.Name, out var portName);
            if (!isPort && !IsAddressName(variable.Name, out portName))
            {
                continue;
            }

            var value = VariableExpansion.Expand(raw, environment);
            var protocol = "TCP";
            var named = Named(variable.Name, out var namedPortName);
            var parsed = named != ListenSettingName.Meaning.None
                ? ListenSettingName.TryParse(named, value, out var port)
                : isPort
                    ? ListenAddress.TryParsePort(value, out port)
                    : ListenAddress.TryParse(value, allowProtocol: false, out port, out protocol);
            portName ??= namedPortName;
            if (parsed)
            {
                var evidence = $"env {variable.Name}={raw}";
                listeners.Add(new InferredListener(port, protocol, ListenerSource.Environment, evidence, variable.Path + ".value", portName)
                {
                    ProtocolIsAssumed = true,
                });
            }
        }
    }

    /// <summary>Whether an environment variable of this name changes where the process listens.</summary>
    public static bool IsListenSetting(string name) => IsPortName(name, out _) || IsAddressName(name, out _);

    private static bool IsPortName(string name, out string? portName)
    {
        if (Ports.TryGetValue(name, out portName))
        {
            return true;
        }

        portName = null;
        return name.EndsWith("_LISTEN_PORT", StringComparison.Ordinal);
    }

    private static bool IsAddressName(string name, out string? portName)
    {
        if (Addresses.TryGetValue(name, out portName))
        {
            return true;
        }

        portName = null;
        return name.EndsWith("_LISTEN_ADDR", StringComparison.Ordinal)
            || name.EndsWith("_LISTEN_ADDRESS", StringComparison.Ordinal)
            || name.EndsWith("_BIND_ADDR", StringComparison.Ordinal)
            || name.EndsWith("_BIND_ADDRESS", StringComparison.Ordinal)
            || Named(name, out portName) != ListenSettingName.Meaning.None;
    }

    /// <summary>
    /// An upper-case name outside the lists that says listen or bind (<c>PROMETHEUS_LISTEN_ADDR</c>), or a port or
    /// address of the process's own servers (<c>METRICS_HTTP_PORT</c>, <c>GRPC_ADDR</c>): variables name clients far more
    /// often than flags do (<c>DB_PORT</c>, <c>SMTP_PORT</c>), so a bare port word counts only after these.
    /// </summary>
    private static ListenSettingName.Meaning Named(string name, out string? portName)
    {
        portName = null;
        if (name.AsSpan().ContainsAnyInRange('a', 'z') || !name.Contains('_', StringComparison.Ordinal))
        {
            return ListenSettingName.Meaning.None;
        }

        var meaning = ListenSettingName.Classify(name, out portName);
        if (meaning == ListenSettingName.Meaning.None)
        {
            return meaning;
        }

        var own = ListenSettingName.Words(name).SkipLast(1).All(OwnServers.Contains);
        return meaning == ListenSettingName.Meaning.Listen || own ? meaning : ListenSettingName.Meaning.None;
    }
}
