namespace Hostnet.NetBench.Tests.Support;

/// <summary>
/// <c>ip netns</c>, <c>ip link</c> and <c>iptables-save</c> of the machine's namespace, and its top cgroups. Other
/// projects' tests may add and remove their own things meanwhile, so comparisons look at what carries the bench's
/// prefix, and at everything else only for the bench's own leftovers.
/// </summary>
internal sealed record MachineState(string Namespaces, string Links, string Rules, string Cgroups)
{
    public IEnumerable<string> BenchLines() =>
        new[] { Namespaces, Links, Rules, Cgroups }
            .SelectMany(text => text.Split('\n'))
            .Where(line => line.Contains(Datapath.BenchNames.Prefix, StringComparison.Ordinal));
}
