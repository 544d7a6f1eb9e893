using Hostnet.NetBench.Host;

namespace Hostnet.NetBench.Datapath;

/// <summary>
/// The datapaths of one run, built with ip and iptables. Disposing it (on exit, on Ctrl-C, on SIGTERM) kills what runs
/// inside the namespaces and deletes them, which removes every link, route and rule they hold, then the pod cgroup.
/// </summary>
internal sealed class DatapathLab : IDisposable
{
    private readonly List<string> _namespaces = [];
    private PodCgroup? _podCgroup;

    private DatapathLab(BenchNames names) => Names = names;

    public BenchNames Names { get; }

    public IReadOnlyList<DatapathPlan> Plans { get; private set; } = [];

    /// <summary>The host-network pod's cgroup (made when <c>host-network</c> is among the modes).</summary>
    public PodCgroup? PodCgroup => _podCgroup;

    public static DatapathLab Build(IReadOnlyList<BenchMode> modes, BenchNames names)
    {
        var lab = new DatapathLab(names);
        try
        {
            var plans = modes.Select(m => DatapathPlanner.Plan(m, names)).ToList();
            foreach (var plan in plans)
            {
                foreach (var command in plan.Commands)
                {
                    if (command.Arguments is ["ip", "netns", "add", var name])
                    {
                        lab._namespaces.Add(name);
                    }

                    HostCommandRunner.Run(command);
                }
            }

            if (plans.Any(p => p.ServerInPodCgroup))
            {
                lab._podCgroup = PodCgroup.Create(names.CgroupRoot);
            }

            lab.Plans = plans;
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var name in Enumerable.Reverse(_namespaces))
        {
            LeftoverSweeper.DeleteNamespace(name);
        }

        _namespaces.Clear();
        _podCgroup?.Dispose();
        _podCgroup = null;
    }
}
