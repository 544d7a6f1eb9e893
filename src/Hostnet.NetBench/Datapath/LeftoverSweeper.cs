using System.Globalization;
using Hostnet.NetBench.Host;

namespace Hostnet.NetBench.Datapath;

/// <summary>
/// Finds what earlier runs left behind (a run killed with SIGKILL cannot clean up) and removes it: network namespaces
/// and cgroups named <c>hostnet-bench-&lt;pid&gt;-…</c> whose owner process no longer exists, with the processes still
/// running in them. Anything of a live run, and anything without the prefix, is left alone.
/// </summary>
internal static class LeftoverSweeper
{
    /// <summary>Removes the leftovers and returns their names.</summary>
    public static IReadOnlyList<string> Sweep()
    {
        var removed = new List<string>();
        foreach (var name in BenchNamespaces().Where(IsOrphan))
        {
            DeleteNamespace(name);
            removed.Add(name);
        }

        foreach (var hierarchy in PodCgroup.Hierarchies())
        {
            foreach (var directory in Directory.GetDirectories(hierarchy).Where(d => IsOrphan(Path.GetFileName(d))))
            {
                PodCgroup.RemoveTree(directory);
                removed.Add(directory);
            }
        }

        return removed;
    }

    /// <summary>The network namespaces whose names carry the bench's prefix.</summary>
    public static IReadOnlyList<string> BenchNamespaces() =>
        [.. HostCommandRunner.Run(HostCommand.Of("ip", "netns", "list"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2)[0])
            .Where(name => BenchNames.OwnerOf(name) is not null)];

    /// <summary>Kills the processes inside a namespace, then deletes it (with its links, routes and rules).</summary>
    public static void DeleteNamespace(string name)
    {
        var pids = HostCommandRunner.TryRun(HostCommand.Of("ip", "netns", "pids", name));
        foreach (var line in pids.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            ProcessKiller.Kill(int.Parse(line, CultureInfo.InvariantCulture));
        }

        HostCommandRunner.TryRun(HostCommand.Of("ip", "netns", "delete", name));
    }

    private static bool IsOrphan(string name) =>
        BenchNames.OwnerOf(name) is { } pid && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}");
}
