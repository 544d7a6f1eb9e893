using System.Collections.Concurrent;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Listeners;

namespace Hostnet.Core.Analysis;

/// <summary>
/// The input set of one run with its indexes (built once, so cross-object rules never loop over all pairs),
/// and the sink that positions, configures and suppresses findings. The indexes are thread-safe, so rules may run
/// at once, each reporting into a <see cref="ForRule"/> context of its own; the running cluster is the exception
/// (<see cref="IPlacementRule"/>).
/// </summary>
public sealed class AnalysisContext
{
    /// <summary>The annotation prefix that silences a rule on one object: <c>hostnet.dev/ignore-HN030: "why"</c>.</summary>
    public const string IgnoreAnnotationPrefix = "hostnet.dev/ignore-";

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Lazy<ILookup<string, Workload>> _workloadsByNamespace;
    private readonly Lazy<ILookup<string, Service>> _servicesByNamespace;
    private readonly Lazy<IReadOnlyDictionary<string, NamespaceObject>> _namespaces;
    private readonly Lazy<PodTemplateIndex> _podTemplates;
    private readonly Lazy<Dictionary<(string Namespace, string Name), ConfigMap>> _configMaps;
    private readonly ConcurrentDictionary<Workload, PodListeners> _listeners;
    private readonly Lazy<ClusterSimulation> _running;

    /// <summary>Whether the input holds a ConfigMap: most do not (an admission review never does), and then no index is built.</summary>
    private readonly bool _hasConfigMaps;

    /// <summary>Whether this context's rule may use <see cref="RunningCluster"/>: false for a non-placement rule's own context.</summary>
    private readonly bool _mayPlace = true;

    public AnalysisContext(IReadOnlyList<KubeObject> objects, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Objects = objects;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        (Workloads, Services, NetworkPolicies, Nodes, _hasConfigMaps) = ByKind(objects);
        _workloadsByNamespace = new(() => Workloads.ToLookup(NamespaceOf, StringComparer.Ordinal));
        _servicesByNamespace = new(() => Services.ToLookup(NamespaceOf, StringComparer.Ordinal));
        _namespaces = new(() => objects.OfType<NamespaceObject>()
            .GroupBy(n => n.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        _podTemplates = new(() => new PodTemplateIndex(this));
        _configMaps = new(() => objects.OfType<ConfigMap>()
            .GroupBy(c => (NamespaceOf(c), c.Name))
            .ToDictionary(g => g.Key, g => g.First()));
        _listeners = new(ReferenceEqualityComparer.Instance);
        _running = new(() => PrebuiltRunningCluster is { } view && Nodes.Count == 0
            ? view.GetAwaiter().GetResult()
            : new ClusterSimulation(Cluster.Nodes.Concat(Nodes), Cluster.Pods, Options.KubeVersion, Options.DefaultNamespace));
    }

    /// <summary>
    /// The objects of each kind the rules ask for, in input order, in one pass (one per kind cost as much as the rest of
    /// a single object's set-up).
    /// </summary>
    private static (Workload[] Workloads, Service[] Services, NetworkPolicy[] NetworkPolicies, Node[] Nodes, bool HasConfigMaps) ByKind(IReadOnlyList<KubeObject> objects)
    {
        List<Workload>? workloads = null;
        List<Service>? services = null;
        List<NetworkPolicy>? networkPolicies = null;
        List<Node>? nodes = null;
        var hasConfigMaps = false;
        for (var i = 0; i < objects.Count; i++)
        {
            switch (objects[i])
            {
                case Workload workload:
                    (workloads ??= []).Add(workload);
                    break;
                case Service service:
                    (services ??= []).Add(service);
                    break;
                case NetworkPolicy networkPolicy:
                    (networkPolicies ??= []).Add(networkPolicy);
                    break;
                case Node node:
                    (nodes ??= []).Add(node);
                    break;
                case ConfigMap:
                    hasConfigMaps = true;
                    break;
            }
        }

        return ([.. workloads ?? []], [.. services ?? []], [.. networkPolicies ?? []], [.. nodes ?? []], hasConfigMaps);
    }

    /// <summary>A context sharing <paramref name="shared"/>'s input and indexes, with findings of its own.</summary>
    private AnalysisContext(AnalysisContext shared, bool mayPlace)
    {
        (Objects, Options, Workloads, Services, NetworkPolicies, Nodes, Cluster, UnknownFields, _hasConfigMaps) =
            (shared.Objects, shared.Options, shared.Workloads, shared.Services, shared.NetworkPolicies, shared.Nodes, shared.Cluster, shared.UnknownFields, shared._hasConfigMaps);
        (_workloadsByNamespace, _servicesByNamespace, _namespaces, _podTemplates, _configMaps, _listeners, _running) =
            (shared._workloadsByNamespace, shared._servicesByNamespace, shared._namespaces, shared._podTemplates, shared._configMaps, shared._listeners, shared._running);
        _mayPlace = mayPlace;
    }

    public AnalysisOptions Options { get; }

    public IReadOnlyList<KubeObject> Objects { get; }

    public IReadOnlyList<Workload> Workloads { get; }

    public IReadOnlyList<Service> Services { get; }

    public IReadOnlyList<NetworkPolicy> NetworkPolicies { get; }

    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The cluster the manifests are checked against (<c>check --cluster</c>); empty without one.</summary>
    public ClusterSnapshot Cluster { get; init; } = ClusterSnapshot.Empty;

    /// <summary>
    /// The scheduler's view of <see cref="Cluster"/> (its nodes and pods, <see cref="Options"/>' version and default
    /// namespace), started by the caller before the rules run, so that it is built on another core meanwhile (the audit
    /// of a large snapshot). <see cref="RunningCluster"/> takes it when the input holds no Node of its own, as it is
    /// then exactly the view this context would build; otherwise it builds its own.
    /// </summary>
    public Task<ClusterSimulation>? PrebuiltRunningCluster { get; init; }

    /// <summary>Fields the API server's strict decoding would reject as unknown, with the object they are in.</summary>
    public IReadOnlyList<DocumentViolation> UnknownFields { get; init; } = [];

    /// <summary>Namespaces of the input, by name.</summary>
    public IReadOnlyDictionary<string, NamespaceObject> Namespaces => _namespaces.Value;

    /// <summary>Pod templates by namespace and label: what Services select.</summary>
    public PodTemplateIndex PodTemplates => _podTemplates.Value;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// The known nodes with the snapshot's running pods, as the scheduler sees them; built on first use. Placing pods
    /// changes it, so only <see cref="IPlacementRule"/>s use it, one at a time.
    /// </summary>
    public ClusterSimulation RunningCluster => _mayPlace
        ? _running.Value
        : throw new InvalidOperationException("only a placement rule (IPlacementRule) may use the running cluster: the other rules run at the same time");

    /// <summary>What a workload's pods evidently listen on, inferred once per run for every rule that asks.</summary>
    public PodListeners ListenersOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return _listeners.GetOrAdd(workload, w => new PodListeners(w.Spec));
    }

    /// <summary>
    /// A context for one rule (or one part of its workloads) running beside others: the same input and indexes, its
    /// own findings (<see cref="Add(IEnumerable{Diagnostic})"/> them back in a fixed order, so the report does not
    /// depend on which thread finished first).
    /// </summary>
    internal AnalysisContext ForRule(IRule rule) => new(this, mayPlace: rule is IPlacementRule);

    /// <summary>Whether the input holds any ConfigMap (<see cref="ConfigMapNamed"/> can find one).</summary>
    public bool HasConfigMaps => _hasConfigMaps;

    /// <summary>The ConfigMap of the input with that namespace and name, if any.</summary>
    public ConfigMap? ConfigMapNamed(string @namespace, string name) => _configMaps.Value.GetValueOrDefault((@namespace, name));

    /// <summary>Workloads by the namespace they will land in.</summary>
    public IEnumerable<Workload> WorkloadsIn(string @namespace) => _workloadsByNamespace.Value[@namespace];

    /// <summary>
    /// Services by the namespace they land in, in input order (a rule asking per workload stays linear). Without
    /// Services (an admission review's single object) no index is built.
    /// </summary>
    public IEnumerable<Service> ServicesIn(string @namespace) => Services.Count == 0 ? [] : _servicesByNamespace.Value[@namespace];

    /// <summary>The namespace an object lands in: its own, or the default one.</summary>
    public string NamespaceOf(KubeObject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.NamespaceOr(Options.DefaultNamespace);
    }

    /// <summary>Reports a finding about an object, at the most specific position of <paramref name="fieldPath"/>.</summary>
    /// <param name="rule">The rule reporting.</param>
    /// <param name="subject">The object the finding is about.</param>
    /// <param name="fieldPath">The field at fault, or null for the object as a whole.</param>
    /// <param name="message">What is wrong and what happens at run time.</param>
    /// <param name="fix">What to do; null to use nothing.</param>
    /// <param name="severity">A variant severity (e.g. PSA enforce vs warn); null for the rule's default.</param>
    /// <param name="position">Where to point when already known (the loader's own position); null to locate <paramref name="fieldPath"/>.</param>
    public void Report(RuleDescriptor rule, KubeObject subject, string? fieldPath, string message, string? fix = null, Severity? severity = null, SourcePosition? position = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(subject);
        var level = Configured(rule, severity ?? rule.DefaultSeverity);
        if (level is not { } effective)
        {
            return;
        }

        _diagnostics.Add(new Diagnostic(
            rule,
            effective,
            StatefulSetPodValidation.Deferred(rule, subject, message, Options.KubeVersion) ?? message,
            fix,
            subject.Source.File,
            position ?? FieldLocator.Locate(subject.Source, fieldPath),
            Reference(subject),
            fieldPath,
            SuppressionReason(rule, subject)));
    }

    /// <summary>Adds a finding that is not about an analysed object (input problems).</summary>
    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Adds the findings of a rule's own context (<see cref="ForRule"/>).</summary>
    internal void Add(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    public ObjectReference Reference(KubeObject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var clusterScoped = subject is NamespaceObject or Node;
        return new ObjectReference(subject.Kind, clusterScoped ? null : NamespaceOf(subject), subject.Metadata.Name);
    }

    private Severity? Configured(RuleDescriptor rule, Severity severity)
    {
        if (!Options.RuleLevels.TryGetValue(rule.Id, out var level))
        {
            return severity;
        }

        return level switch
        {
            RuleLevel.Off => null,
            RuleLevel.Info => Severity.Info,
            RuleLevel.Warning => Severity.Warning,
            _ => Severity.Error,
        };
    }

    private static string? SuppressionReason(RuleDescriptor rule, KubeObject subject)
    {
        var key = IgnoreAnnotationPrefix + rule.Id;
        if (subject.Metadata.Annotations.TryGetValue(key, out var reason) && !string.IsNullOrWhiteSpace(reason))
        {
            return reason;
        }

        return subject is Workload workload
            && workload.Template.Metadata.Annotations.TryGetValue(key, out var templateReason)
            && !string.IsNullOrWhiteSpace(templateReason)
                ? templateReason
                : null;
    }
}
