using System.Collections.Concurrent;
using System.Collections.Frozen;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Semantics.Ports;

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

    /// <summary>The run's indexes, shared with the contexts of its rules (<see cref="ForRule"/>).</summary>
    private readonly Indexes _indexes;

    /// <summary>Whether the input holds a ConfigMap: most do not (an admission review never does), and then no index is built.</summary>
    private readonly bool _hasConfigMaps;

    /// <summary>Whether the input holds a Namespace: most do not (an admission review never does), and then no index is built.</summary>
    private readonly bool _hasNamespaces;

    /// <summary>The namespaces of an input that holds none.</summary>
    private static readonly IReadOnlyDictionary<string, NamespaceObject> NoNamespaces = FrozenDictionary<string, NamespaceObject>.Empty;

    /// <summary>Whether this context's rule may use <see cref="RunningCluster"/>: false for a non-placement rule's own context.</summary>
    private readonly bool _mayPlace = true;

    public AnalysisContext(IReadOnlyList<KubeObject> objects, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Objects = objects;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        (Workloads, Services, NetworkPolicies, Nodes, _hasConfigMaps, _hasNamespaces) = ByKind(objects);
        _indexes = new Indexes(this);
    }

    /// <summary>
    /// The objects of each kind the rules ask for, in input order, in one pass (one per kind cost as much as the rest of
    /// a single object's set-up).
    /// </summary>
    private static (Workload[] Workloads, Service[] Services, NetworkPolicy[] NetworkPolicies, Node[] Nodes, bool HasConfigMaps, bool HasNamespaces) ByKind(IReadOnlyList<KubeObject> objects)
    {
        List<Workload>? workloads = null;
        List<Service>? services = null;
        List<NetworkPolicy>? networkPolicies = null;
        List<Node>? nodes = null;
        var hasConfigMaps = false;
        var hasNamespaces = false;
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
                case NamespaceObject:
                    hasNamespaces = true;
                    break;
            }
        }

        return (workloads?.ToArray() ?? [], services?.ToArray() ?? [], networkPolicies?.ToArray() ?? [], nodes?.ToArray() ?? [], hasConfigMaps, hasNamespaces);
    }

    /// <summary>A context sharing <paramref name="shared"/>'s input and indexes, with findings of its own.</summary>
    private AnalysisContext(AnalysisContext shared, bool mayPlace)
    {
        (Objects, Options, Workloads, Services, NetworkPolicies, Nodes, Cluster, UnknownFields, _hasConfigMaps, _hasNamespaces) =
            (shared.Objects, shared.Options, shared.Workloads, shared.Services, shared.NetworkPolicies, shared.Nodes, shared.Cluster, shared.UnknownFields, shared._hasConfigMaps, shared._hasNamespaces);
        _indexes = shared._indexes;
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
    public IReadOnlyDictionary<string, NamespaceObject> Namespaces => _hasNamespaces ? _indexes.Namespaces : NoNamespaces;

    /// <summary>Pod templates by namespace and label: what Services select.</summary>
    public PodTemplateIndex PodTemplates => _indexes.PodTemplates;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// The known nodes with the snapshot's running pods, as the scheduler sees them; built on first use. Placing pods
    /// changes it, so only <see cref="IPlacementRule"/>s use it, one at a time.
    /// </summary>
    public ClusterSimulation RunningCluster => _mayPlace
        ? _indexes.Running
        : throw new InvalidOperationException("only a placement rule (IPlacementRule) may use the running cluster: the other rules run at the same time");

    /// <summary>What a workload's pods evidently listen on, inferred once per run for every rule that asks.</summary>
    public PodListeners ListenersOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        // A run of one workload (an admission review) keeps its one inference in a field, without a table.
        return Workloads.Count == 1 && ReferenceEquals(Workloads[0], workload)
            ? _indexes.OnlyListeners
            : _indexes.Listeners.GetOrAdd(workload, static w => new PodListeners(w.Spec));
    }

    /// <summary>
    /// The host ports a workload's pods want (<see cref="HostPorts.Wanted"/>), worked out once per run for every rule
    /// that asks (six rules and the admission policy do); the list is shared, never to be changed.
    /// </summary>
    public IReadOnlyList<HostPortBinding> HostPortsOf(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        // A run of one workload (an admission review) keeps its one list in a field, without a table.
        return Workloads.Count == 1 && ReferenceEquals(Workloads[0], workload)
            ? _indexes.OnlyHostPorts
            : _indexes.HostPortsByWorkload.GetOrAdd(workload, static w => HostPorts.Wanted(w.Spec));
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
    public ConfigMap? ConfigMapNamed(string @namespace, string name) => _indexes.ConfigMaps.GetValueOrDefault((@namespace, name));

    /// <summary>Workloads by the namespace they will land in.</summary>
    public IEnumerable<Workload> WorkloadsIn(string @namespace) => _indexes.WorkloadsByNamespace[@namespace];

    /// <summary>
    /// Services by the namespace they land in, in input order (a rule asking per workload stays linear). Without
    /// Services (an admission review's single object) no index is built.
    /// </summary>
    public IEnumerable<Service> ServicesIn(string @namespace) => Services.Count == 0 ? [] : _indexes.ServicesByNamespace[@namespace];

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
        // Most objects carry no annotation at all: then no key is spelt out to look for.
        if (subject.Metadata.Annotations.Count == 0 && (subject is not Workload { Template.Metadata.Annotations.Count: > 0 }))
        {
            return null;
        }

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

    /// <summary>
    /// The indexes of one run, each built on first use, once, by whichever rule asks first (rules may ask at once),
    /// from the run's own context. Plain fields with a lock each, made only when needed: a single object's run
    /// (an admission review) uses few of them, and lazy objects with their delegates cost as much to make as
    /// that run's rules.
    /// </summary>
    private sealed class Indexes(AnalysisContext run)
    {
        private ILookup<string, Workload>? _workloadsByNamespace;
        private ILookup<string, Service>? _servicesByNamespace;
        private IReadOnlyDictionary<string, NamespaceObject>? _namespaces;
        private PodTemplateIndex? _podTemplates;
        private Dictionary<(string Namespace, string Name), ConfigMap>? _configMaps;
        private ConcurrentDictionary<Workload, PodListeners>? _listeners;
        private PodListeners? _onlyListeners;
        private ConcurrentDictionary<Workload, IReadOnlyList<HostPortBinding>>? _hostPorts;
        private IReadOnlyList<HostPortBinding>? _onlyHostPorts;
        private ClusterSimulation? _running;
        private object? _workloadsGate;
        private object? _servicesGate;
        private object? _namespacesGate;
        private object? _podTemplatesGate;
        private object? _configMapsGate;
        private object? _listenersGate;
        private object? _onlyListenersGate;
        private object? _hostPortsGate;
        private object? _onlyHostPortsGate;
        private object? _runningGate;

        public ILookup<string, Workload> WorkloadsByNamespace => Once(ref _workloadsByNamespace, ref _workloadsGate, static c => c.Workloads.ToLookup(c.NamespaceOf, StringComparer.Ordinal));

        public ILookup<string, Service> ServicesByNamespace => Once(ref _servicesByNamespace, ref _servicesGate, static c => c.Services.ToLookup(c.NamespaceOf, StringComparer.Ordinal));

        public IReadOnlyDictionary<string, NamespaceObject> Namespaces => Once(ref _namespaces, ref _namespacesGate, static c => c.Objects.OfType<NamespaceObject>()
            .GroupBy(n => n.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

        public PodTemplateIndex PodTemplates => Once(ref _podTemplates, ref _podTemplatesGate, static c => new PodTemplateIndex(c));

        public Dictionary<(string Namespace, string Name), ConfigMap> ConfigMaps => Once(ref _configMaps, ref _configMapsGate, static c => c.Objects.OfType<ConfigMap>()
            .GroupBy(m => (c.NamespaceOf(m), m.Name))
            .ToDictionary(g => g.Key, g => g.First()));

        /// <summary>Sized for the run's workloads, the only keys (one review's holds one); the default concurrency level (-1).</summary>
        public ConcurrentDictionary<Workload, PodListeners> Listeners => Once(ref _listeners, ref _listenersGate, static c =>
            new ConcurrentDictionary<Workload, PodListeners>(-1, Math.Max(1, c.Workloads.Count), ReferenceEqualityComparer.Instance));

        /// <summary>The listeners of the run's only workload.</summary>
        public PodListeners OnlyListeners => Once(ref _onlyListeners, ref _onlyListenersGate, static c => new PodListeners(c.Workloads[0].Spec));

        /// <summary>Sized for the run's workloads, as <see cref="Listeners"/> is.</summary>
        public ConcurrentDictionary<Workload, IReadOnlyList<HostPortBinding>> HostPortsByWorkload => Once(ref _hostPorts, ref _hostPortsGate, static c =>
            new ConcurrentDictionary<Workload, IReadOnlyList<HostPortBinding>>(-1, Math.Max(1, c.Workloads.Count), ReferenceEqualityComparer.Instance));

        /// <summary>The host ports of the run's only workload.</summary>
        public IReadOnlyList<HostPortBinding> OnlyHostPorts => Once(ref _onlyHostPorts, ref _onlyHostPortsGate, static c => HostPorts.Wanted(c.Workloads[0].Spec));

        public ClusterSimulation Running => Once(ref _running, ref _runningGate, static c => c.PrebuiltRunningCluster is { } view && c.Nodes.Count == 0
            ? view.GetAwaiter().GetResult()
            : new ClusterSimulation(c.Cluster.Nodes.Concat(c.Nodes), c.Cluster.Pods, c.Options.KubeVersion, c.Options.DefaultNamespace));

        private T Once<T>(ref T? value, ref object? gate, Func<AnalysisContext, T> build)
            where T : class
        {
            if (Volatile.Read(ref value) is { } built)
            {
                return built;
            }

            Interlocked.CompareExchange(ref gate, new object(), null);
            lock (gate)
            {
                if (value is null)
                {
                    Volatile.Write(ref value, build(run));
                }

                return value;
            }
        }
    }
}
