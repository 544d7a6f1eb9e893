using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Cache;

/// <summary>
/// The required anti-affinity terms of placed pods, grouped by term (pods of one template share their term objects)
/// with, per term, how many of its pods sit in each topology domain. An incoming pod then checks each distinct term
/// once instead of every pod (upstream's getExistingAntiAffinityCounts visits each pod with such terms), and only the
/// terms that look in its namespace: those listing it or owned there, and those with a <c>namespaceSelector</c>.
/// </summary>
internal sealed class AntiAffinityIndex
{
    private readonly Dictionary<(PodAffinityTerm Term, string Namespace), Dictionary<string, int>> _domains = [];
    private readonly Dictionary<string, HashSet<(PodAffinityTerm Term, string Namespace)>> _byNamespace = new(StringComparer.Ordinal);
    private readonly HashSet<(PodAffinityTerm Term, string Namespace)> _withNamespaceSelector = [];

    public void Update(PodInfo pod, NodeInfo node, int delta)
    {
        // Indexed, not enumerated: every pod bound or removed passes here, and most have no such term.
        var terms = pod.Spec.Spec.RequiredPodAntiAffinity;
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            if (!node.Node.Metadata.Labels.TryGetValue(term.TopologyKey, out var value))
            {
                continue;
            }

            var key = (term, pod.Namespace);
            if (!_domains.TryGetValue(key, out var counts))
            {
                _domains[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                Register(key, add: true);
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
                    Register(key, add: false);
                }
            }
        }
    }

    /// <summary>
    /// The domains where a placed pod's anti-affinity term matches the incoming pod, as topology key → values; empty
    /// when there are none. <paramref name="namespaceLabels"/> are those of the incoming pod's namespace.
    /// </summary>
    public Dictionary<string, HashSet<string>> ForbiddenFor(PodInfo incoming, IReadOnlyDictionary<string, string> namespaceLabels)
    {
        var forbidden = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var listed = _byNamespace.GetValueOrDefault(incoming.Namespace) ?? [];
        var selecting = _withNamespaceSelector.Where(k => k.Term.NamespaceSelector!.Matches(namespaceLabels));
        foreach (var key in listed.Concat(selecting))
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

    /// <summary>Files a term under the namespaces it names (or its owner's, when it names none and selects none).</summary>
    private void Register((PodAffinityTerm Term, string Namespace) key, bool add)
    {
        var term = key.Term;
        if (term.NamespaceSelector is not null)
        {
            _ = add ? _withNamespaceSelector.Add(key) : _withNamespaceSelector.Remove(key);
        }

        IEnumerable<string> named = term.Namespaces.Count > 0 || term.NamespaceSelector is not null ? term.Namespaces : [key.Namespace];
        foreach (var @namespace in named)
        {
            if (!_byNamespace.TryGetValue(@namespace, out var keys))
            {
                _byNamespace[@namespace] = keys = [];
            }

            _ = add ? keys.Add(key) : keys.Remove(key);
        }
    }
}
