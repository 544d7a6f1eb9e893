using Hostnet.Core.Model;

namespace Hostnet.Core.Analysis;

/// <summary>
/// Pod templates (and bare Pods) by namespace and label, so that Services and NetworkPolicies find the pods they
/// select without comparing every pair of objects.
/// </summary>
public sealed class PodTemplateIndex
{
    private readonly AnalysisContext _context;
    private readonly Dictionary<(string Namespace, string Key, string Value), List<Workload>> _byLabel = [];

    public PodTemplateIndex(AnalysisContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        foreach (var workload in context.Workloads)
        {
            var @namespace = context.NamespaceOf(workload);
            foreach (var (key, value) in workload.Template.Metadata.Labels)
            {
                if (!_byLabel.TryGetValue((@namespace, key, value), out var list))
                {
                    _byLabel[(@namespace, key, value)] = list = [];
                }

                list.Add(workload);
            }
        }
    }

    /// <summary>The workloads in <paramref name="namespace"/> whose pods carry the label <paramref name="key"/>=<paramref name="value"/>.</summary>
    public IReadOnlyList<Workload> WithLabel(string @namespace, string key, string value) =>
        _byLabel.TryGetValue((@namespace, key, value), out var list) ? list : [];

    /// <summary>
    /// The workloads whose pods a Service selector selects (every pair must match). An empty selector selects
    /// nothing here: the API stores it as no selector, and the endpoints controllers then manage no endpoints.
    /// </summary>
    public IEnumerable<Workload> SelectedBy(string @namespace, IReadOnlyDictionary<string, string> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.Count == 0)
        {
            return [];
        }

        var smallest = selector.Select(p => WithLabel(@namespace, p.Key, p.Value)).MinBy(l => l.Count)!;
        return smallest.Where(w => selector.All(p => w.Template.Metadata.Labels.TryGetValue(p.Key, out var v) && v == p.Value));
    }

    /// <summary>The workloads whose pods a label selector selects; an empty selector selects every pod of the namespace.</summary>
    public IEnumerable<Workload> SelectedBy(string @namespace, LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var candidates = selector.MatchLabels.Count == 0
            ? _context.WorkloadsIn(@namespace)
            : selector.MatchLabels.Select(p => WithLabel(@namespace, p.Key, p.Value)).MinBy(l => l.Count)!;
        return candidates.Where(w => selector.Matches(w.Template.Metadata.Labels));
    }
}
