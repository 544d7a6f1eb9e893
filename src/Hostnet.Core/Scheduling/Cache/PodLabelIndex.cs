using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Cache;

/// <summary>
/// The placed pods by namespace and label, so that a selector finds its pods without visiting every pod: the
/// smallest <c>matchLabels</c> (or single-value <c>In</c>) bucket is the candidate set, checked against the whole
/// selector.
/// </summary>
internal sealed class PodLabelIndex
{
    private readonly Dictionary<string, Dictionary<(string Key, string Value), HashSet<PodInfo>>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<PodInfo>> _all = new(StringComparer.Ordinal);

    /// <summary>The namespaces that have held a placed pod.</summary>
    public IEnumerable<string> Namespaces => _all.Keys;

    public void Add(PodInfo pod)
    {
        All(pod.Namespace).Add(pod);
        var labels = Labels(pod.Namespace);
        foreach (var (key, value) in pod.Labels)
        {
            if (!labels.TryGetValue((key, value), out var pods))
            {
                labels[(key, value)] = pods = [];
            }

            pods.Add(pod);
        }
    }

    public void Remove(PodInfo pod)
    {
        All(pod.Namespace).Remove(pod);
        var labels = Labels(pod.Namespace);
        foreach (var (key, value) in pod.Labels)
        {
            if (labels.TryGetValue((key, value), out var pods))
            {
                pods.Remove(pod);
            }
        }
    }

    /// <summary>The placed pods of a namespace that a selector matches (a null selector matches none).</summary>
    public IEnumerable<PodInfo> Matching(string @namespace, LabelSelector? selector)
    {
        if (selector is null)
        {
            return [];
        }

        IReadOnlyCollection<PodInfo> candidates = All(@namespace);
        var labels = Labels(@namespace);
        foreach (var (key, value) in selector.MatchLabels)
        {
            candidates = labels.TryGetValue((key, value), out var pods) ? Smaller(candidates, pods) : [];
        }

        foreach (var requirement in selector.MatchExpressions.Where(r => r.Operator == "In" && r.Values.Count == 1))
        {
            candidates = labels.TryGetValue((requirement.Key, requirement.Values[0]), out var pods) ? Smaller(candidates, pods) : [];
        }

        return candidates.Where(p => selector.Matches(p.Labels));
    }

    private static IReadOnlyCollection<PodInfo> Smaller(IReadOnlyCollection<PodInfo> current, HashSet<PodInfo> other) =>
        other.Count < current.Count ? other : current;

    private HashSet<PodInfo> All(string @namespace)
    {
        if (!_all.TryGetValue(@namespace, out var pods))
        {
            _all[@namespace] = pods = [];
        }

        return pods;
    }

    private Dictionary<(string Key, string Value), HashSet<PodInfo>> Labels(string @namespace)
    {
        if (!_byNamespace.TryGetValue(@namespace, out var labels))
        {
            _byNamespace[@namespace] = labels = [];
        }

        return labels;
    }
}
