using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Rules.Services;

/// <summary>
/// HN040: a Service whose selector matches no pod template of its namespace in the input, while the input holds a
/// workload there that it was evidently meant for. The endpoints controllers give such a Service no endpoints
/// (pkg/controller/endpointslice), and kube-proxy rejects connections to a Service without endpoints.
/// A Service may rightly select pods the input does not hold (nodelocaldns's <c>kube-dns-upstream</c> selects the
/// cluster's CoreDNS pods), so the rule fires only on a near miss: a workload whose labels differ from each pair of
/// the selector at most by a one-character typo in the value or by carrying the value under another key; a pair
/// that no workload of the namespace carries in any of these forms may be missing, if another pair matches exactly.
/// </summary>
internal sealed class ServiceSelectsNothing : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN040",
        "service-selects-nothing",
        "A Service's selector matches no pod template of its namespace",
        Severity.Warning,
        RuleSection.ServicesAndNetworkPolicy)
    {
        Messages = [Messages.LabelsOnController, Messages.NoLabels, Messages.NearestMiss, Messages.MissingLabel],
        Fixes = [Fixes.LabelTemplate, Fixes.MakeAgree],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN040's messages: the selector ({0}) and the namespace ({1}); then the workload that carries the labels on its own
    /// metadata ({2}) and what its template has ({3}: the labels, or NoLabels), or the nearest workload ({2}) and how its
    /// pods differ ({3}: <c>key=value</c> for each label written otherwise, MissingLabel for each missing one).
    /// </summary>
    internal static class Messages
    {
        public static RuleText LabelsOnController { get; } = new(
            nameof(LabelsOnController),
            "selector {0} matches no pod in namespace \"{1}\"; {2} carries these labels on its own metadata.labels, but a Service selects pods, and its pods get the labels of spec.template.metadata.labels, which has {3}: the Service has no endpoints, so connections to it are refused");

        public static RuleText NoLabels { get; } = new(nameof(NoLabels), "no labels");

        public static RuleText NearestMiss { get; } = new(
            nameof(NearestMiss),
            "selector {0} matches no pod in namespace \"{1}\"; the nearest is {2}, whose pods have {3}: the Service has no endpoints, so connections to it are refused");

        public static RuleText MissingLabel { get; } = new(nameof(MissingLabel), "no {0} label");
    }

    /// <summary>HN040's fixes: the selector ({0}) and the workload ({1}), or the general one.</summary>
    internal static class Fixes
    {
        public static RuleText LabelTemplate { get; } = new(nameof(LabelTemplate), "add {0} to {1}'s spec.template.metadata.labels");

        public static RuleText MakeAgree { get; } = new(nameof(MakeAgree), "make the Service selector and the pod template labels agree");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LabelIndex? index = null;
        foreach (var service in context.Services)
        {
            if (service.Selector is not { Count: > 0 } selector || service.Type == "ExternalName")
            {
                continue;
            }

            var @namespace = context.NamespaceOf(service);
            if (context.PodTemplates.SelectedBy(@namespace, selector).Any())
            {
                continue;
            }

            if (LabelledOnlyOnItself(context, @namespace, selector) is { } owner)
            {
                var template = owner.Template.Metadata.Labels;
                var has = template.Count == 0 ? Messages.NoLabels.Text : Format(template);
                context.Report(
                    Rule,
                    service,
                    $"spec.selector[{selector.Keys.Order(StringComparer.Ordinal).First()}]",
                    Messages.LabelsOnController.With(Format(selector), @namespace, owner.DisplayName, has),
                    Fixes.LabelTemplate.With(Format(selector), owner.DisplayName));
                continue;
            }

            index ??= new LabelIndex(context);
            if (NearestMiss(index, @namespace, selector) is not { } workload)
            {
                continue;
            }

            var differences = Differences(workload, selector);
            context.Report(
                Rule,
                service,
                $"spec.selector[{differences[0].Key}]",
                Messages.NearestMiss.With(Format(selector), @namespace, workload.DisplayName, string.Join(", ", differences.Select(d => d.Has))),
                Fixes.MakeAgree.Text);
        }
    }

    /// <summary>
    /// A controller of the namespace (first by name) whose own <c>metadata.labels</c> hold every pair of the selector while
    /// its pod template does not: labels on a Deployment or DaemonSet are not copied to its pods.
    /// </summary>
    private static Workload? LabelledOnlyOnItself(AnalysisContext context, string @namespace, IReadOnlyDictionary<string, string> selector)
    {
        // A plain loop: asked for every Service that selects nothing, over every workload of its namespace.
        Workload? first = null;
        foreach (var workload in context.WorkloadsIn(@namespace))
        {
            if (workload.Kind != "Pod"
                && PodTemplateIndex.Selects(selector, workload.Metadata.Labels)
                && (first is null || string.CompareOrdinal(workload.DisplayName, first.DisplayName) < 0))
            {
                first = workload;
            }
        }

        return first;
    }

    /// <summary>
    /// The near miss matching most pairs (then first by name). Candidates come from the pair whose near forms the
    /// fewest workloads carry, so a label shared by every workload of the namespace costs nothing.
    /// </summary>
    private static Workload? NearestMiss(LabelIndex index, string @namespace, IReadOnlyDictionary<string, string> selector)
    {
        var near = selector.ToDictionary(p => p.Key, p => index.CarryingNear(@namespace, p.Key, p.Value), StringComparer.Ordinal);
        if (near.Values.Where(n => n.Count > 0).MinBy(n => n.Count) is not { } candidates)
        {
            return null;
        }

        Workload? best = null;
        var bestMatched = -1;
        foreach (var workload in candidates.Workloads)
        {
            var matched = MatchedIfNear(workload, selector, near);
            if (matched > bestMatched || (matched >= 0 && matched == bestMatched && string.CompareOrdinal(workload.DisplayName, best!.DisplayName) < 0))
            {
                (best, bestMatched) = (workload, matched);
            }
        }

        return best;
    }

    /// <summary>How many pairs the workload matches exactly when it is a near miss; -1 when it is not.</summary>
    private static int MatchedIfNear(Workload workload, IReadOnlyDictionary<string, string> selector, Dictionary<string, NearForms> near)
    {
        var labels = workload.Template.Metadata.Labels;
        var matched = 0;
        var missing = false;
        foreach (var (key, value) in selector)
        {
            if (labels.TryGetValue(key, out var actual))
            {
                if (actual == value)
                {
                    matched++;
                }
                else if (!IsTypo(actual, value))
                {
                    return -1;
                }
            }
            else if (!labels.Values.Contains(value))
            {
                // Neither the value under another key, nor a pair the namespace knows in any form: a missing label.
                if (near[key].Count > 0)
                {
                    return -1;
                }

                missing = true;
            }
        }

        return matched == selector.Count || (missing && matched == 0) ? -1 : matched;
    }

    private static List<(string Key, string Has)> Differences(Workload workload, IReadOnlyDictionary<string, string> selector)
    {
        var labels = workload.Template.Metadata.Labels;
        var differences = new List<(string, string)>();
        foreach (var (key, value) in selector.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (labels.TryGetValue(key, out var actual))
            {
                if (actual != value)
                {
                    differences.Add((key, $"{key}={actual}"));
                }
            }
            else
            {
                var renamed = labels.Where(l => l.Value == value).Select(l => l.Key).Order(StringComparer.Ordinal).FirstOrDefault();
                differences.Add((key, renamed is null ? Messages.MissingLabel.With(key) : $"{renamed}={value}"));
            }
        }

        return differences;
    }

    /// <summary>One edit, in a value of three or more characters: "fronted" for "frontend", not "v1" for "v2".</summary>
    private static bool IsTypo(string a, string b) =>
        Math.Max(a.Length, b.Length) >= 3 && Semantics.Spelling.IsOneEdit(a, b);

    private static string Format(IEnumerable<KeyValuePair<string, string>> selector) =>
        string.Join(",", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The workloads carrying one selector pair in a near form, as lists that may overlap.</summary>
    private sealed record NearForms(IReadOnlyList<IReadOnlyList<Workload>> Lists)
    {
        /// <summary>How many workloads, counting one that carries several forms more than once.</summary>
        public int Count => Lists.Sum(l => l.Count);

        public IEnumerable<Workload> Workloads => Lists.SelectMany(l => l);
    }

    /// <summary>
    /// Pod template labels by namespace: which workloads carry a value under any key, and, per key, the values carried
    /// (listed only for the keys of selectors that missed; a typo check against each is a linear scan). Built per
    /// namespace when a Service of it first misses: most namespaces have none, and one index of every workload keyed
    /// by (namespace, value) was most of what the rule allocated.
    /// </summary>
    private sealed class LabelIndex(AnalysisContext context)
    {
        private readonly Dictionary<string, NamespaceLabels> _namespaces = new(StringComparer.Ordinal);

        /// <summary>The workloads carrying <paramref name="key"/>=<paramref name="value"/>, a one-edit typo of the value, or the value under another key.</summary>
        public NearForms CarryingNear(string @namespace, string key, string value)
        {
            var labels = In(@namespace);
            var lists = new List<IReadOnlyList<Workload>> { context.PodTemplates.WithLabel(@namespace, key, value) };
            foreach (var typo in labels.Values(key))
            {
                if (typo != value && IsTypo(typo, value))
                {
                    lists.Add(context.PodTemplates.WithLabel(@namespace, key, typo));
                }
            }

            if (labels.ByValue.TryGetValue(value, out var renamed))
            {
                lists.Add(renamed);
            }

            return new NearForms(lists);
        }

        private NamespaceLabels In(string @namespace)
        {
            if (!_namespaces.TryGetValue(@namespace, out var labels))
            {
                _namespaces[@namespace] = labels = new NamespaceLabels([.. context.WorkloadsIn(@namespace)]);
            }

            return labels;
        }
    }

    /// <summary>The pod template labels of one namespace's workloads (in input order).</summary>
    private sealed class NamespaceLabels
    {
        private readonly Workload[] _workloads;
        private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

        public NamespaceLabels(Workload[] workloads)
        {
            _workloads = workloads;
            foreach (var workload in workloads)
            {
                foreach (var value in workload.Template.Metadata.Labels.Values)
                {
                    if (!ByValue.TryGetValue(value, out var list))
                    {
                        ByValue[value] = list = [];
                    }

                    // Once per workload though two labels share the value: its entry, if any, is the list's last.
                    if (list.Count == 0 || !ReferenceEquals(list[^1], workload))
                    {
                        list.Add(workload);
                    }
                }
            }
        }

        /// <summary>The workloads carrying a value under any key.</summary>
        public Dictionary<string, List<Workload>> ByValue { get; } = new(StringComparer.Ordinal);

        /// <summary>The distinct values of <paramref name="key"/> on the pod templates.</summary>
        public List<string> Values(string key)
        {
            if (!_values.TryGetValue(key, out var values))
            {
                var distinct = new HashSet<string>(StringComparer.Ordinal);
                foreach (var workload in _workloads)
                {
                    if (workload.Template.Metadata.Labels.TryGetValue(key, out var value))
                    {
                        distinct.Add(value);
                    }
                }

                _values[key] = values = [.. distinct];
            }

            return values;
        }
    }
}
