namespace Hostnet.Kube.Config;

/// <summary>
/// Finds and merges kubeconfig files as kubectl does (client-go tools/clientcmd/loader.go,
/// <c>ClientConfigLoadingRules.Load</c>):
/// <list type="bullet">
/// <item><c>--kubeconfig FILE</c> alone, which must exist;</item>
/// <item>else every file of <c>KUBECONFIG</c> (split on ':', duplicates dropped, missing files skipped);</item>
/// <item>else <c>~/.kube/config</c> when it exists.</item>
/// </list>
/// Merging: the first file that defines a cluster, user or context of a given name wins (whole entries, not fields),
/// and <c>current-context</c> comes from the first file that sets it.
/// </summary>
public static class KubeconfigLoader
{
    /// <param name="explicitPath"><c>--kubeconfig</c>, or null.</param>
    /// <param name="kubeconfigVariable">The value of <c>KUBECONFIG</c>, or null.</param>
    /// <param name="homeDirectory">The user's home, for <c>~/.kube/config</c>; null when unknown.</param>
    public static Kubeconfig Load(string? explicitPath, string? kubeconfigVariable, string? homeDirectory)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            if (!File.Exists(explicitPath))
            {
                throw new KubeConfigException($"--kubeconfig {explicitPath}: no such file");
            }

            return Read(explicitPath);
        }

        var paths = Precedence(kubeconfigVariable, homeDirectory).Where(File.Exists).ToList();
        return Merge(paths.Select(Read).ToList());
    }

    /// <summary>The files to read, in precedence order, before checking which exist.</summary>
    private static List<string> Precedence(string? kubeconfigVariable, string? homeDirectory)
    {
        if (!string.IsNullOrEmpty(kubeconfigVariable))
        {
            return kubeconfigVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        return string.IsNullOrEmpty(homeDirectory) ? [] : [Path.Combine(homeDirectory, ".kube", "config")];
    }

    /// <summary>Merges parsed files, the first in the list having the highest precedence.</summary>
    public static Kubeconfig Merge(IReadOnlyList<Kubeconfig> files)
    {
        var clusters = new Dictionary<string, KubeconfigCluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeconfigUser>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeconfigContext>(StringComparer.Ordinal);
        string? currentContext = null;
        foreach (var file in files)
        {
            AddMissing(clusters, file.Clusters);
            AddMissing(users, file.Users);
            AddMissing(contexts, file.Contexts);
            if (string.IsNullOrEmpty(currentContext))
            {
                currentContext = file.CurrentContext;
            }
        }

        return new Kubeconfig(clusters, users, contexts, currentContext, files.SelectMany(f => f.Files).ToList());
    }

    private static Kubeconfig Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read kubeconfig {path}: {error.Message}", error);
        }

        return KubeconfigParser.Parse(text, path);
    }

    private static void AddMissing<T>(Dictionary<string, T> merged, IReadOnlyDictionary<string, T> file)
    {
        foreach (var (name, entry) in file)
        {
            merged.TryAdd(name, entry);
        }
    }
}
