using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// The required anti-affinity terms of placed pods, grouped by term (pods of one template share their term objects)
/// with, per term, how many of its pods sit in each topology domain. An incoming pod then checks each distinct term
/// once instead of every pod (upstream's getExistingAntiAffinityCounts visits each pod with such terms).
/// </summary>
internal sealed class AntiAffinityIndex
{
    private readonly Dictionary<(PodAffinityTerm Term, string Namespace), Dictionary<string, int>> _domains = [];

    public void Update(PodInfo pod, NodeInfo node, int delta)
    {
        foreach (var term in pod.Spec.Spec.RequiredPodAntiAffinity)
        {
            if (!node.Node.Metadata.Labels.TryGetValue(term.TopologyKey, out var value))
            {
                continue;
            }

            var key = (term, pod.Namespace);
            if (!_domains.TryGetValue(key, out var counts))
            {
                _domains[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            var count = counts.GetValueOrDefault(value) + delta;
            if (count > 0)
            {
                counts[value] = count;
            }
            else
            {
                counts.Remove(value);
                if (counts.Count == 0)
                {
                    _domains.Remove(key);
                }
            }
        }
    }

    /// <summary>The (topology key, value) domains where a placed pod's anti-affinity term matches the incoming pod.</summary>
    public HashSet<(string Key, string Value)> ForbiddenFor(PodInfo incoming)
    {
        var forbidden = new HashSet<(string Key, string Value)>();
        foreach (var ((term, ownerNamespace), counts) in _domains)
        {
            if (PodAffinity.TermMatches(term, ownerNamespace, incoming))
            {
                foreach (var value in counts.Keys)
                {
                    forbidden.Add((term.TopologyKey, value));
                }
            }
        }

        return forbidden;
    }
}
