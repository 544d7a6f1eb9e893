using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Cli.Input;

/// <summary><c>hostnet dns --resolv-conf FILE</c>: the node's resolv.conf as the kubelet reads it, or hostnet's stand-in.</summary>
internal static class ResolvConfInput
{
    /// <summary>The kubelet's default <c>resolvConf</c> path, named in node events when no file is given.</summary>
    public const string DefaultPath = "/etc/resolv.conf";

    /// <summary>hostnet's stand-in for a node's resolv.conf when none is given (documented in docs/dns.md).</summary>
    public const string TypicalNode = "nameserver 10.0.0.2\nsearch example.internal\n";

    // The kubelet does not read files larger than this (maxResolveConfLength).
    private const long MaxBytes = 10 << 20;

    /// <summary>The parsed file (<c>""</c>: the kubelet's <c>resolvConf: ""</c>, none), or null with the problem to print.</summary>
    public static ParsedResolvConf? Read(string? path, CliEnvironment environment, out string resolverPath, out string? problem)
    {
        problem = null;
        resolverPath = path ?? DefaultPath;
        if (path is null)
        {
            return ResolvConf.Parse(TypicalNode);
        }

        if (path.Length == 0)
        {
            return new ParsedResolvConf(ResolvConf.Empty, null);
        }

        try
        {
            var full = Path.GetFullPath(path, environment.WorkingDirectory);
            if (new FileInfo(full).Length > MaxBytes)
            {
                problem = $"{path}: larger than the 10 MiB the kubelet reads";
                return null;
            }

            return ResolvConf.Parse(File.ReadAllText(full));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read {path}: {(error is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : error.Message)}";
            return null;
        }
    }
}
