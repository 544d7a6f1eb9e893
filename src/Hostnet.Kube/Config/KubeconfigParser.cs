using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hostnet.Kube.Config;

/// <summary>
/// Reads one kubeconfig file (YAML or JSON) into a <see cref="Kubeconfig"/>, resolving relative paths against the
/// file's directory as client-go's <c>ResolveLocalPaths</c> does (tools/clientcmd/loader.go): <c>certificate-authority</c>,
/// <c>client-certificate</c>, <c>client-key</c>, <c>tokenFile</c>, and an exec <c>command</c> that contains a '/'.
/// Within one file a later entry of the same name replaces an earlier one.
/// </summary>
internal static class KubeconfigParser
{
    public static Kubeconfig Parse(string text, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new KubeConfigException($"{path}:{error.Start.Line}:{error.Start.Column}: not a valid kubeconfig: {error.Message}", error);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Kubeconfig.Empty with { Files = [path] };
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubeConfigException($"{path}: not a valid kubeconfig: the top level is not a mapping");
        }

        var reader = new EntryReader(path, directory);
        var clusters = new Dictionary<string, KubeconfigCluster>(StringComparer.Ordinal);
        foreach (var (name, body) in reader.NamedEntries(root, "clusters", "cluster"))
        {
            clusters[name] = reader.Cluster(name, body);
        }

        var users = new Dictionary<string, KubeconfigUser>(StringComparer.Ordinal);
        foreach (var (name, body) in reader.NamedEntries(root, "users", "user"))
        {
            users[name] = reader.User(name, body);
        }

        var contexts = new Dictionary<string, KubeconfigContext>(StringComparer.Ordinal);
        foreach (var (name, body) in reader.NamedEntries(root, "contexts", "context"))
        {
            contexts[name] = new KubeconfigContext(name, reader.String(body, "cluster") ?? "", reader.String(body, "user") ?? "", reader.String(body, "namespace"));
        }

        return new Kubeconfig(clusters, users, contexts, reader.String(root, "current-context"), [path]);
    }

    /// <summary>Reads fields of one file, knowing its path for messages and its directory for relative paths.</summary>
    private sealed class EntryReader(string path, string directory)
    {
        public IEnumerable<(string Name, YamlMappingNode Body)> NamedEntries(YamlMappingNode root, string listKey, string bodyKey)
        {
            var list = Child(root, listKey);
            if (list is null or YamlScalarNode { Value: null or "" })
            {
                yield break;
            }

            if (list is not YamlSequenceNode sequence)
            {
                throw Invalid(list, $"'{listKey}' must be a list");
            }

            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode entry || String(entry, "name") is not { Length: > 0 } name)
                {
                    throw Invalid(item, $"every entry of '{listKey}' needs a name");
                }

                yield return (name, Child(entry, bodyKey) as YamlMappingNode ?? new YamlMappingNode());
            }
        }

        public KubeconfigCluster Cluster(string name, YamlMappingNode body) => new(
            name,
            String(body, "server") ?? "",
            LocalPath(String(body, "certificate-authority")),
            Base64(body, "certificate-authority-data"),
            Boolean(body, "insecure-skip-tls-verify"),
            String(body, "proxy-url"),
            String(body, "tls-server-name"));

        public KubeconfigUser User(string name, YamlMappingNode body) => new(
            name,
            String(body, "token"),
            LocalPath(String(body, "tokenFile")),
            LocalPath(String(body, "client-certificate")),
            Base64(body, "client-certificate-data"),
            LocalPath(String(body, "client-key")),
            Base64(body, "client-key-data"),
            Child(body, "exec") is YamlMappingNode exec ? Exec(exec) : null);

        private ExecConfig Exec(YamlMappingNode body)
        {
            var command = String(body, "command") ?? "";

            // Only a command with a path separator is file-relative; a bare name is looked up on PATH (GetAuthInfoFileReferences).
            if (command.Contains('/', StringComparison.Ordinal))
            {
                command = LocalPath(command)!;
            }

            var args = Child(body, "args") is YamlSequenceNode list
                ? list.OfType<YamlScalarNode>().Select(a => a.Value ?? "").ToList()
                : [];
            var environment = Child(body, "env") is YamlSequenceNode envList
                ? envList.OfType<YamlMappingNode>().Select(e => KeyValuePair.Create(String(e, "name") ?? "", String(e, "value") ?? "")).ToList()
                : [];
            return new ExecConfig(
                command,
                args,
                environment,
                String(body, "apiVersion") ?? "",
                String(body, "installHint"),
                Boolean(body, "provideClusterInfo"),
                String(body, "interactiveMode"));
        }

        public string? String(YamlMappingNode mapping, string key) => Child(mapping, key) switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            var other => throw Invalid(other, $"'{key}' must be a string"),
        };

        private bool Boolean(YamlMappingNode mapping, string key) => String(mapping, key) switch
        {
            null or "" or "false" or "False" => false,
            "true" or "True" => true,
            var other => throw Invalid(Child(mapping, key)!, $"'{key}' must be true or false, not '{other}'"),
        };

        private byte[]? Base64(YamlMappingNode mapping, string key)
        {
            if (String(mapping, key) is not { Length: > 0 } text)
            {
                return null;
            }

            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                throw Invalid(Child(mapping, key)!, $"'{key}' is not valid base64");
            }
        }

        private string? LocalPath(string? value) =>
            string.IsNullOrEmpty(value) ? null : Path.GetFullPath(value, directory);

        private static YamlNode? Child(YamlMappingNode mapping, string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private KubeConfigException Invalid(YamlNode node, string message) =>
            new($"{path}:{node.Start.Line}:{node.Start.Column}: not a valid kubeconfig: {message}");
    }
}
