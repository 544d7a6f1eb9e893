using System.Text;
using Hostnet.Core.Analysis;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Dns;

/// <summary>Where a pod shows that it resolves cluster names, and the name it uses.</summary>
/// <param name="Where">The place, e.g. <c>container "shipper" args</c> or <c>ConfigMap "agent-config" key "config.yaml"</c>.</param>
/// <param name="Name">The host name as written there, e.g. <c>loki-gateway.logging.svc.cluster.local</c>.</param>
internal sealed record ClusterNameEvidence(string Where, string Name)
{
    /// <summary>The suffixes and names that only cluster DNS answers.</summary>
    private static readonly string[] ClusterMarkers = [".svc", ".cluster.local", "kubernetes.default"];

    /// <summary>Where each of <see cref="ClusterMarkers"/> has its first dot.</summary>
    private static readonly int[] ClusterMarkerDots = [.. ClusterMarkers.Select(m => m.IndexOf('.', StringComparison.Ordinal))];

    /// <summary>The pod spec's lists of containers that run a process of their own.</summary>
    private static readonly string[] ContainerLists = ["initContainers", "containers"];

    /// <summary>
    /// The first sign that the workload's pods resolve cluster names: a cluster marker (<c>.svc</c>, <c>.cluster.local</c>,
    /// <c>kubernetes.default</c>) or a Service of the input in the pod's namespace used as a host (<c>name:port</c>,
    /// <c>name.namespace</c>, <c>scheme://name</c>), in the containers' env values, args or command, or in a ConfigMap of the
    /// input the pod mounts or reads into its environment. Null when there is none: the pod then shows no need for
    /// cluster DNS.
    /// </summary>
    public static ClusterNameEvidence? Find(Workload workload, AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(context);
        var @namespace = context.NamespaceOf(workload);
        // Most inputs hold no Service (an admission review never does): then no list of names is made.
        string[] services = context.Services.Count == 0 ? [] : [.. context.ServicesIn(@namespace).Where(s => s.Name.Length > 0).Select(s => s.Name)];
        // Plain loops over the containers (init, regular, ephemeral: AllContainers' order) and their texts: every
        // host-network pod of a review comes here, and the place is worded only for the text that holds a name.
        var spec = workload.Spec;
        foreach (var containers in (ReadOnlySpan<IReadOnlyList<Container>>)[spec.InitContainers, spec.Containers, spec.EphemeralContainers])
        {
            for (var i = 0; i < containers.Count; i++)
            {
                if (InContainer(containers[i], @namespace, services) is { } found)
                {
                    return found;
                }
            }
        }

        // Most inputs hold no ConfigMap (an admission review never does): then the pod spec need not be walked for names.
        if (!context.HasConfigMaps)
        {
            return null;
        }

        foreach (var name in ConfigMapsRead(workload))
        {
            if (context.ConfigMapNamed(@namespace, name) is not { } configMap)
            {
                continue;
            }

            foreach (var (key, value) in configMap.Data)
            {
                if (HostIn(value, @namespace, services) is { } host)
                {
                    return new ClusterNameEvidence($"ConfigMap \"{name}\" key \"{key}\"", host);
                }
            }
        }

        return null;
    }

    /// <summary>The first name in the container's env values, then its args, then its command.</summary>
    private static ClusterNameEvidence? InContainer(Container container, string @namespace, string[] services)
    {
        var env = container.Env;
        for (var i = 0; i < env.Count; i++)
        {
            if (env[i].Value is { } value && HostIn(value, @namespace, services) is { } host)
            {
                return new ClusterNameEvidence($"container \"{container.Name}\" env {env[i].Name}", host);
            }
        }

        return InWords(container, "args", container.Args, @namespace, services)
            ?? InWords(container, "command", container.Command, @namespace, services);
    }

    /// <summary>The first name in one of the container's word lists (<c>args</c> or <c>command</c>).</summary>
    private static ClusterNameEvidence? InWords(Container container, string list, IReadOnlyList<string> words, string @namespace, string[] services)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (HostIn(words[i], @namespace, services) is { } host)
            {
                return new ClusterNameEvidence($"container \"{container.Name}\" {list}", host);
            }
        }

        return null;
    }

    /// <summary>The ConfigMaps the pod mounts (<c>configMap</c> and <c>projected</c> volumes) or reads into its environment.</summary>
    private static IEnumerable<string> ConfigMapsRead(Workload workload)
    {
        if (FieldPaths.Resolve(workload.Source.Root, workload.Spec.Path) is not SourceMapping spec)
        {
            yield break;
        }

        foreach (var volume in Fields.List(spec, "volumes").OfType<SourceMapping>())
        {
            if (Fields.String(Fields.Map(volume, "configMap"), "name") is { } mounted)
            {
                yield return mounted;
            }

            foreach (var source in Fields.List(Fields.Map(volume, "projected"), "sources").OfType<SourceMapping>())
            {
                if (Fields.String(Fields.Map(source, "configMap"), "name") is { } projected)
                {
                    yield return projected;
                }
            }
        }

        foreach (var container in ContainerLists.SelectMany(key => Fields.List(spec, key)).OfType<SourceMapping>())
        {
            foreach (var from in Fields.List(container, "envFrom").OfType<SourceMapping>())
            {
                if (Fields.String(Fields.Map(from, "configMapRef"), "name") is { } name)
                {
                    yield return name;
                }
            }

            foreach (var env in Fields.List(container, "env").OfType<SourceMapping>())
            {
                if (Fields.String(Fields.Map(Fields.Map(env, "valueFrom"), "configMapKeyRef"), "name") is { } name)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>The host name in <paramref name="text"/> that only cluster DNS resolves, or null.</summary>
    private static string? HostIn(string text, string @namespace, string[] services)
    {
        // Most texts hold no marker: an ASCII one without any (in any case) needs no search per marker. A text that is
        // not ASCII is searched as before, whatever case folding does to its other characters.
        var mayHoldMarker = !Ascii.IsValid(text) || HasMarkerAtADot(text);
        foreach (var marker in mayHoldMarker ? ClusterMarkers : [])
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + marker.Length;
                if (end == text.Length || !IsLabelChar(text[end]))
                {
                    return WordAround(text, at, end);
                }
            }
        }

        foreach (var service in services)
        {
            for (var at = text.IndexOf(service, StringComparison.Ordinal); at >= 0; at = text.IndexOf(service, at + 1, StringComparison.Ordinal))
            {
                if (IsServiceHost(text, at, at + service.Length, @namespace))
                {
                    return WordAround(text, at, at + service.Length);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an ASCII text holds one of <see cref="ClusterMarkers"/> (in any case). Each marker holds a dot, so only
    /// the text's dots are looked at: most texts have one or two, and one search for three strings at once costs more
    /// on texts this short.
    /// </summary>
    internal static bool HasMarkerAtADot(ReadOnlySpan<char> text)
    {
        for (var dot = text.IndexOf('.'); dot >= 0;)
        {
            for (var m = 0; m < ClusterMarkers.Length; m++)
            {
                var start = dot - ClusterMarkerDots[m];
                if (start >= 0 && text[start..].StartsWith(ClusterMarkers[m], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            var next = text[(dot + 1)..].IndexOf('.');
            dot = next < 0 ? -1 : dot + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// Whether the Service name at [start, end) is used as a host: <c>name:port</c>, <c>name.namespace</c> or
    /// <c>scheme://name</c>. A bare name (<c>calico-typha</c> in <c>FELIX_TYPHAK8SSERVICENAME</c>) is looked up through the
    /// API, not DNS, and does not count.
    /// </summary>
    private static bool IsServiceHost(string text, int start, int end, string @namespace)
    {
        if (start > 0 && (IsLabelChar(text[start - 1]) || text[start - 1] == '.'))
        {
            return false;
        }

        var rest = text.AsSpan(end);
        if (rest.Length >= 2 && rest[0] == ':' && char.IsAsciiDigit(rest[1]))
        {
            return true;
        }

        if (rest.Length > @namespace.Length && rest[0] == '.' && rest[1..].StartsWith(@namespace, StringComparison.Ordinal))
        {
            var after = @namespace.Length + 1;
            return after == rest.Length || !IsLabelChar(rest[after]);
        }

        var schemed = start >= 3 && text.AsSpan(start - 3, 3).SequenceEqual("://");
        return schemed && (rest.Length == 0 || !IsLabelChar(rest[0]) && rest[0] != '.');
    }

    private static bool IsLabelChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The host-name word that holds [start, end): letters, digits, <c>-</c>, <c>_</c> and dots around it.</summary>
    private static string WordAround(string text, int start, int end)
    {
        while (start > 0 && (IsLabelChar(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        while (end < text.Length && (IsLabelChar(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return text[start..end].Trim('.');
    }
}
