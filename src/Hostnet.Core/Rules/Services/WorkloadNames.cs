using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Services;

/// <summary>Names the workloads a finding is about, briefly when a selector matches many.</summary>
internal static class WorkloadNames
{
    private const int Shown = 3;

    /// <summary><c>DaemonSet/a, DaemonSet/b and 7 more</c>, in input order.</summary>
    public static string Join(IReadOnlyList<Workload> workloads) =>
        workloads.Count <= Shown
            ? string.Join(", ", workloads.Select(w => w.DisplayName))
            : string.Join(", ", workloads.Take(Shown - 1).Select(w => w.DisplayName)) + $" and {workloads.Count - Shown + 1} more";
}
