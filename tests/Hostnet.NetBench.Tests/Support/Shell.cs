using Hostnet.NetBench.Host;

namespace Hostnet.NetBench.Tests.Support;

/// <summary>Runs the machine's own tools (ip, iptables-save, conntrack, iperf3) as the tests' witnesses.</summary>
internal static class Shell
{
    public static string Run(params string[] arguments) => HostCommandRunner.Run(new HostCommand(arguments));

    public static string InNamespace(string networkNamespace, params string[] arguments) =>
        HostCommandRunner.Run(HostCommand.InNamespace(networkNamespace, arguments));

    /// <summary>The hostnet executable the test build put beside the tests (the bench's own worker).</summary>
    public static string Hostnet => Path.Combine(AppContext.BaseDirectory, "hostnet");

    /// <summary>What the machine's own network namespace looks like, for before/after comparisons.</summary>
    public static MachineState Snapshot() => new(
        Run("ip", "netns", "list"),
        Run("ip", "-o", "link", "show"),
        Run("iptables-save").Split('\n').Where(l => !l.StartsWith('#')).Aggregate("", (all, line) => all + line + "\n"),
        string.Join('\n', PodCgroup.Hierarchies().SelectMany(Directory.GetDirectories).Order()));
}
