using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics;

namespace Hostnet.Core.Rules.Services;

/// <summary>
/// HN040: a Service whose selector matches no pod template of its namespace in the input, while the input holds a
/// workload there that it was evidently meant for. The endpoints controllers give such a Service no endpoints
/// (pkg/controller/endpointslice), and kube-proxy rejects connections to a Service without endpoints.
/// A Service may rightly select pods the input does not hold (nodelocaldns's <c>kube-dns-upstream</c> selects the
/// cluster's CoreDNS pods), so the rule fires only on a near miss: a workload whose labels differ from the selector
/// by a typo, a renamed key, or a label the template lacks while it shares another with the selector.
/// </summary>
public sealed class ServiceSelectsNothing : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN040",
        "service-selects-nothing",
        "A Service's selector matches no pod template of its namespace",
        Severity.Warning,
        "D. Services and network policy");

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LabelValues? values = null;
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

            values ??= new LabelValues(context);
            if (NearestMiss(context, values, @namespace, selector) is not { } miss)
            {
                continue;
            }

            var first = selector.Keys.Order(StringComparer.Ordinal).First(k => !miss.Matched.Contains(k));
            context.Report(
                Rule,
                service,
                $"spec.selector[{first}]",
                $"selector {Format(selector)} matches no pod in namespace \"{@namespace}\"; the nearest is {miss.Workload.DisplayName}, whose pods have {string.Join(", ", miss.Differences)}: the Service has no endpoints, so connections to it are refused",
                "make the Service selector and the pod template labels agree");
        }
    }

    private static Miss? NearestMiss(AnalysisContext context, LabelValues values, string @namespace, IReadOnlyDictionary<string, string> selector)
    {
        var candidates = new HashSet<Workload>();
        foreach (var (key, value) in selector)
        {
            candidates.UnionWith(context.PodTemplates.WithLabel(@namespace, key, value));
            candidates.UnionWith(values.WithValue(@namespace, value));
            foreach (var near in values.ValuesOf(@namespace, key).Where(v => IsTypo(v, value)))
            {
                candidates.UnionWith(context.PodTemplates.WithLabel(@namespace, key, near));
            }
        }

        return candidates
            .Select(w => Compare(w, selector))
            .OfType<Miss>()
            .OrderByDescending(m => m.Matched.Count)
            .ThenBy(m => m.Workload.DisplayName, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The miss, when every pair the workload does not match is near to what it has.</summary>
    private static Miss? Compare(Workload workload, IReadOnlyDictionary<string, string> selector)
    {
        var labels = workload.Template.Metadata.Labels;
        var matched = selector.Where(p => labels.TryGetValue(p.Key, out var v) && v == p.Value).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var (key, value) in selector.Where(p => !matched.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (labels.TryGetValue(key, out var actual))
            {
                if (!IsTypo(actual, value))
                {
                    return null;
                }

                differences.Add($"{key}={actual}");
            }
            else if (labels.FirstOrDefault(l => l.Value == value) is { Key: not null } renamed)
            {
                differences.Add($"{renamed.Key}={value}");
            }
            else if (matched.Count > 0)
            {
                differences.Add($"no {key} label");
            }
            else
            {
                return null;
            }
        }

        return new Miss(workload, matched, differences);
    }

    /// <summary>A small edit relative to the length: "fronted" for "frontend", not "v1" for "v2".</summary>
    private static bool IsTypo(string a, string b)
    {
        var distance = Spelling.Distance(a, b);
        return distance <= 2 && 2 * distance < Math.Max(a.Length, b.Length);
    }

    private static string Format(IReadOnlyDictionary<string, string> selector) =>
        string.Join(",", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private sealed record Miss(Workload Workload, HashSet<string> Matched, IReadOnlyList<string> Differences);

    /// <summary>Label values of pod templates by namespace and key, and workloads by namespace and label value.</summary>
    private sealed class LabelValues
    {
        private readonly Dictionary<(string Namespace, string Key), HashSet<string>> _values = [];
        private readonly Dictionary<(string Namespace, string Value), List<Workload>> _byValue = [];

        public LabelValues(AnalysisContext context)
        {
            foreach (var workload in context.Workloads)
            {
                var @namespace = context.NamespaceOf(workload);
                foreach (var (key, value) in workload.Template.Metadata.Labels)
                {
                    if (!_values.TryGetValue((@namespace, key), out var set))
                    {
                        _values[(@namespace, key)] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(value);
                    if (!_byValue.TryGetValue((@namespace, value), out var list))
                    {
                        _byValue[(@namespace, value)] = list = [];
                    }

                    list.Add(workload);
                }
            }
        }

        public HashSet<string> ValuesOf(string @namespace, string key) =>
            _values.TryGetValue((@namespace, key), out var set) ? set : [];

        public List<Workload> WithValue(string @namespace, string value) =>
            _byValue.TryGetValue((@namespace, value), out var list) ? list : [];
    }
}
