using System.Diagnostics;

namespace Hostnet.NetBench.Host;

/// <summary>One program run with its arguments (no shell), and the text to feed its standard input, if any.</summary>
internal sealed record HostCommand(IReadOnlyList<string> Arguments, string? StandardInput = null)
{
    public static HostCommand Of(params string[] arguments) => new(arguments);

    /// <summary>
    /// The same command run inside a named network namespace. nsenter enters the network namespace only; unlike
    /// <c>ip netns exec</c> it does not remount /sys, so the cgroup hierarchies under /sys/fs/cgroup stay visible.
    /// </summary>
    public static HostCommand InNamespace(string networkNamespace, params string[] arguments) =>
        new(["nsenter", $"--net=/run/netns/{networkNamespace}", "--", .. arguments]);

    /// <summary>How to start it with its standard streams redirected.</summary>
    public ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(Arguments[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = StandardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public override string ToString() => string.Join(' ', Arguments);
}
