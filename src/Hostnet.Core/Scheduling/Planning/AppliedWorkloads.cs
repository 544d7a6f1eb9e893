using Hostnet.Core.Model;
using Hostnet.Core.Runs;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>
/// The workloads the cluster holds after <c>kubectl apply</c> of the whole input, in input order. kubectl sends each
/// object in turn: one the API server refuses changes nothing, so of several copies with the same kind, namespace
/// and name the last one accepted stays; a workload whose pods Pod Security refuses is stored but creates no pod.
/// Plan and its rollouts both start from this, so one object never has two outcomes.
/// </summary>
/// <param name="Workloads">The workloads whose pods the controllers create, one per kind, namespace and name.</param>
/// <param name="Refused">Every copy that was refused, in input order.</param>
/// <param name="Notes">What the user should know about copies that were replaced.</param>
internal sealed record AppliedWorkloads(IReadOnlyList<Workload> Workloads, IReadOnlyList<RefusedObject> Refused, IReadOnlyList<string> Notes)
{
    public static AppliedWorkloads Resolve(IEnumerable<Workload> workloads, IReadOnlyDictionary<Workload, RefusedObject> refusals, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(refusals);
        var stored = new Dictionary<(string Kind, string Namespace, string Name), Workload?>();
        var order = new List<(string Kind, string Namespace, string Name)>();
        var refused = new List<RefusedObject>();
        var notes = new List<string>();
        foreach (var workload in workloads)
        {
            var key = (workload.Kind, workload.NamespaceOr(defaultNamespace), workload.Name);
            var seen = stored.ContainsKey(key);
            if (refusals.TryGetValue(workload, out var refusal))
            {
                refused.Add(refusal);
                if (refusal.RefusedBy == Refusals.ApiServer)
                {
                    // Not stored: an earlier copy, if any, stays as it was.
                    continue;
                }
            }

            if (seen)
            {
                notes.Add($"{workload.DisplayName} in namespace {key.Item2} appears more than once in the input; the last one the API server accepts is planned, as kubectl apply would leave it");
            }
            else
            {
                order.Add(key);
            }

            stored[key] = refusal is null ? workload : null;
        }

        return new AppliedWorkloads([.. order.Select(k => stored[k]).OfType<Workload>()], refused, notes);
    }
}
