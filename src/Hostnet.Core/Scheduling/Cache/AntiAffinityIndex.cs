using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Cache;

/// <summary>
/// The required anti-affinity terms of placed pods, grouped by term (pods of one template share their term objects)
/// with, per term, how many of its pods sit in each topology domain. An incoming pod then checks each distinct term
/// once instead of every pod (upstream's getExistingAntiAffinityCounts visits each pod with such terms), and only the
/// terms that look in its namespace.
/// </summary>
internal sealed class AntiAffinityIndex
{
    private readonly Dictionary<(PodAffinityTerm Term, string Namespace), Dictionary<string, int>> _domains = [];
    private readonly Dictionary<string, HashSet<(PodAffinityTerm Term, string Namespace)>> _byNamespace = new(StringComparer.Ordinal);

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
                foreach (var @namespace in PodAffinity.Namespaces(term, pod.Namespace))
                {
                    if (!_byNamespace.TryGetValue(@namespace, out var keys))
                    {
                        _byNamespace[@namespace] = keys = [];
                    }

                    keys.Add(key);
                }
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
                    foreach (var @namespace in PodAffinity.Namespaces(term, pod.Namespace))
                    {
                        _byNamespace[@namespace].Remove(key);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The domains where a placed pod's anti-affinity term matches the incoming pod, as topology key → values; empty
    /// when there are none.
    /// </summary>
    public Dictionary<string, HashSet<string>> ForbiddenFor(PodInfo incoming)
    {
        var forbidden = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (!_byNamespace.TryGetValue(incoming.Namespace, out var keys))
        {
            return forbidden;
        }

        foreach (var key in keys)
        {
            var term = key.Term;
            if (term.LabelSelector is { } selector && selector.Matches(incoming.Labels))
            {
                if (!forbidden.TryGetValue(term.TopologyKey, out var values))
                {
                    forbidden[term.TopologyKey] = values = new HashSet<string>(StringComparer.Ordinal);
                }

                values.UnionWith(_domains[key].Keys);
            }
        }

        return forbidden;
    }
}
