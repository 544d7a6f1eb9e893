using System.Globalization;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// A DaemonSet's update replayed node by node as the DaemonSet controller makes it (SEMANTICS.md §9.1), mirroring
/// pkg/controller/daemon/update.go (rollingUpdate): without surge, old pods are deleted while at most maxUnavailable
/// nodes lack an available pod and the manage loop creates the new ones; with surge, a new pod is created beside an
/// available old one (at most maxSurge at a time; at once where the old pod is unavailable) and the old pod is deleted
/// only when the new one is available. DaemonSets have no progress deadline: a stall lasts until someone acts.
/// OnDelete creates a new pod only where someone deletes the old one; hostnet deletes them one node at a time.
/// </summary>
internal static class DaemonSetRollout
{
    /// <param name="daemonSet">The DaemonSet with its new template.</param>
    /// <param name="oldPods">The old pods by node name, bound.</param>
    /// <param name="nodes">The nodes the DaemonSet runs on (those its pods tolerate and select).</param>
    public static RolloutResult Run(Workload daemonSet, IReadOnlyDictionary<string, RolloutPod> oldPods, IReadOnlyList<string> nodes, IRolloutScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(daemonSet);
        ArgumentNullException.ThrowIfNull(oldPods);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(scheduler);
        nodes = [.. nodes.Order(StringComparer.Ordinal)];
        var old = nodes.Where(oldPods.ContainsKey).ToDictionary(n => n, n => oldPods[n], StringComparer.Ordinal);
        var created = new Dictionary<string, RolloutPod>(StringComparer.Ordinal);
        void Create(string node)
        {
            var pod = new RolloutPod($"{daemonSet.Name}-{node}", DaemonSetPods.PodFor(daemonSet.Spec, node), updated: true, daemonSet: true);
            created[node] = pod;
            scheduler.TrySchedule(pod);
        }

        var budget = RolloutBudget.ForDaemonSet(daemonSet, nodes.Count);
        for (var round = 0; round < 4 * (nodes.Count + 2); round++)
        {
            var before = created.Count;
            var changed = false;

            // The manage loop: a node without any daemon pod gets a new one.
            foreach (var node in nodes.Where(n => !old.ContainsKey(n) && !created.ContainsKey(n)))
            {
                Create(node);
                changed = true;
            }

            var deletable = budget switch
            {
                // OnDelete: the next old pod is deleted (by hand) once every new pod so far is available.
                null => created.Values.Any(p => !p.Available) ? [] : old.Keys.Take(1).ToList(),
                { Surge: > 0 } => Surge(budget.Surge, old, created, Create),
                _ => old.Keys.Where(n => !old[n].Available).Concat(old.Keys.Where(n => old[n].Available)
                    .Take(Math.Max(0, budget.Unavailable - nodes.Count(n => !old.ContainsKey(n) && !(created.GetValueOrDefault(n)?.Available ?? false))))).ToList(),
            };
            changed |= created.Count != before;
            foreach (var node in deletable)
            {
                scheduler.Delete(old[node]);
                old.Remove(node);
                changed = true;
            }

            foreach (var pod in created.Values.Where(p => !p.Available))
            {
                changed |= scheduler.TrySchedule(pod);
            }

            if (!changed)
            {
                break;
            }
        }

        return Verdict(daemonSet, budget, nodes, old, created);
    }

    /// <summary>The surge branch of rollingUpdate: creates new pods beside old ones and returns the nodes whose old pod may go.</summary>
    private static List<string> Surge(int maxSurge, Dictionary<string, RolloutPod> old, Dictionary<string, RolloutPod> created, Action<string> create)
    {
        var allowed = new List<string>();
        var candidates = new List<string>();
        var surging = 0;
        var deletable = new List<string>();
        foreach (var node in old.Keys.Order(StringComparer.Ordinal))
        {
            if (!created.TryGetValue(node, out var pod))
            {
                (old[node].Available ? candidates : allowed).Add(node);
            }
            else if (!pod.Available)
            {
                surging++;
            }
            else
            {
                deletable.Add(node);
            }
        }

        foreach (var node in allowed.Concat(candidates.Take(Math.Max(0, maxSurge - surging))))
        {
            create(node);
        }

        return deletable;
    }

    private static RolloutResult Verdict(Workload daemonSet, RolloutBudget? budget, IReadOnlyList<string> nodes, Dictionary<string, RolloutPod> old, Dictionary<string, RolloutPod> created)
    {
        var name = daemonSet.Name;
        var pending = created.Where(p => !p.Value.Available).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var strategy = budget is null ? " (updateStrategy OnDelete: each new pod starts only once you delete the old pod on its node)" : string.Empty;
        if (pending.Count == 0 && old.Count == 0)
        {
            return new RolloutResult(daemonSet.DisplayName, RolloutOutcome.Completes, $"daemon set \"{name}\" successfully rolled out{strategy}");
        }

        // The status counts a node's oldest pod, Pending or not (a DaemonSet pod names its node before it is bound).
        var updated = nodes.Count(n => !old.ContainsKey(n) && created.ContainsKey(n));
        var available = nodes.Count(n => old.TryGetValue(n, out var pod) ? pod.Available : created.GetValueOrDefault(n)?.Available ?? false);
        var reason = updated < nodes.Count
            ? Invariant($"Waiting for daemon set \"{name}\" rollout to finish: {updated} out of {nodes.Count} new pods have been updated...")
            : Invariant($"Waiting for daemon set \"{name}\" rollout to finish: {available} of {nodes.Count} updated pods are available...");
        if (pending.Count == 0)
        {
            return new RolloutResult(daemonSet.DisplayName, RolloutOutcome.Stuck, reason + strategy);
        }

        var (node, pod) = (pending[0].Key, pending[0].Value);
        reason += Invariant($" The new pod for {node} stays Pending: \"{pod.Message}\".");
        if (budget is { Surge: > 0 } && old.ContainsKey(node))
        {
            reason += Invariant($" With maxSurge {budget.MaxSurge} the new pod is created while the old pod on {node} still runs and holds the same host port, and the old pod is deleted only once the new one is available: the rollout never moves, and DaemonSets have no progress deadline. Set maxSurge: 0 with maxUnavailable: 1.");
        }
        else
        {
            reason += strategy;
        }

        return new RolloutResult(daemonSet.DisplayName, RolloutOutcome.Stuck, reason);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
