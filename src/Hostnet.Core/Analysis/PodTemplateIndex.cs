using Hostnet.Core.Model;

namespace Hostnet.Core.Analysis;

/// <summary>
/// Pod templates (and bare Pods) by namespace and label, so that Services find the pods they select without
/// comparing every pair of objects.
/// </summary>
public sealed class PodTemplateIndex
{
    private readonly Dictionary<(string Namespace, string Key, string Value), List<Workload>> _byLabel = [];

    public PodTemplateIndex(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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

        // Asked for every Service by several rules: the smallest list (the first of equal ones) by a plain loop.
        IReadOnlyList<Workload>? smallest = null;
        foreach (var (key, value) in selector)
        {
            var list = WithLabel(@namespace, key, value);
            if (smallest is null || list.Count < smallest.Count)
            {
                smallest = list;
            }
        }

        return smallest!.Count == 0 ? [] : smallest.Where(w => Selects(selector, w.Template.Metadata.Labels));
    }

    /// <summary>Whether the labels hold every pair of the selector.</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }
}
