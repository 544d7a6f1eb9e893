using System.Globalization;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// Collects the objects of a snapshot, one at a time, into a <see cref="ClusterSnapshot"/>, with the handling of bad
/// input documented in docs/cluster.md: duplicate names are errors; a node without <c>status.allocatable</c> gets
/// 0 cpu, memory and pods (nothing fits on it) and a warning; a pod bound to a node the snapshot lacks is kept (it
/// shows in tables) with a warning, and holds nothing on any node. Each object keeps only a thin source tree (its
/// kind and name, for positions), so a large snapshot keeps the model and not the text's tree.
/// </summary>
/// <param name="defaultNamespace">The namespace of an object that names none (the configured default).</param>
internal sealed class ClusterSnapshotBuilder(string path, string defaultNamespace)
{
    /// <summary>The List annotation <c>hostnet snapshot</c> records the API server's version in.</summary>
    public const string ServerVersionAnnotation = "hostnet.dev/server-version";

    private const int MaxListedWarnings = 20;

    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly IReadOnlyDictionary<string, string> NoAllocatable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cpu"] = "0",
        ["memory"] = "0",
        ["pods"] = "0",
    }.AsReadOnly();

    private readonly List<Node> _nodes = [];
    private readonly Dictionary<string, Node> _nodesByName = new(StringComparer.Ordinal);
    private readonly List<ClusterPod> _pods = [];
    private readonly List<NamespaceObject> _namespaces = [];
    private readonly List<Service> _services = [];
    private readonly List<Workload> _workloads = [];
    private readonly Dictionary<Workload, WorkloadStatus> _statuses = new(ReferenceEqualityComparer.Instance);
    private readonly List<NetworkPolicy> _policies = [];
    private readonly Dictionary<(string Kind, string Namespace, string Name), SourcePosition> _names = [];
    private readonly List<InputProblem> _errors = [];
    private readonly List<InputProblem> _warnings = [];
    private string? _serverVersion;
    private SourcePosition _serverVersionPosition = SourcePosition.Start;

    public bool HasErrors => _errors.Count > 0;

    public void Error(SourcePosition position, string message) => _errors.Add(new InputProblem(path, position, message));

    /// <summary>The annotations of the List the objects came in.</summary>
    public void ListAnnotations(IReadOnlyDictionary<string, string> annotations)
    {
        if (annotations.TryGetValue(ServerVersionAnnotation, out var version))
        {
            _serverVersion = version;
        }
    }

    /// <summary>The position reported if the server version cannot be read.</summary>
    public void ListPosition(SourcePosition position) => _serverVersionPosition = position;

    /// <summary>The one interner of this snapshot's pods, which the item readers share theirs with (thread-safe).</summary>
    public PodInterner Interner { get; } = new();

    public void Add(ManifestDocument document) => Add(Prepare(document, Interner));

    /// <summary>
    /// Reads the typed model of one object (null when the snapshot does not use it), a pod with its equal parts shared
    /// already. It depends on nothing but the document and the thread-safe interner, so the JSON reader runs it on the
    /// thread that parsed the object (<see cref="SnapshotItemChunks"/>); <see cref="Add(SnapshotObject?)"/> then
    /// records it, in the input's order.
    /// </summary>
    public static SnapshotObject? Prepare(ManifestDocument document, PodInterner interner)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(interner);
        if (ObjectReader.Read(document) is not { } read || !SnapshotTrimming.IsWanted(document.Kind))
        {
            return null;
        }

        var kept = WithoutLastApplied(read) with { Source = Thin(document) };
        return kept switch
        {
            Workload { IsPod: true } pod => SnapshotObject.Of(interner.Share(new ClusterPod(pod, ObjectReader.ReadPodStatus(document), ObjectReader.ReadOwnerReferences(document)))),
            Workload => new SnapshotObject(kept, null, ObjectReader.ReadWorkloadStatus(document)),
            _ => new SnapshotObject(kept, null, null),
        };
    }

    /// <summary>Records an object <see cref="Prepare"/> read: its name (a duplicate is an error) and its model.</summary>
    public void Add(SnapshotObject? prepared)
    {
        if (prepared is null || !IsUnique(prepared.Object))
        {
            return;
        }

        switch (prepared.Object)
        {
            case Node node:
                AddNode(node);
                break;
            case Workload { IsPod: true }:
                _pods.Add(prepared.Pod!);
                break;
            case Workload workload:
                _workloads.Add(workload);
                _statuses[workload] = prepared.WorkloadStatus!;
                break;
            case NetworkPolicy policy:
                _policies.Add(policy);
                break;
            case Service service:
                _services.Add(service);
                break;
            case NamespaceObject ns:
                _namespaces.Add(ns);
                break;
        }
    }

    public ClusterReadResult Build()
    {
        if (_errors.Count > 0)
        {
            return new ClusterReadResult(ClusterSnapshot.Empty, _errors, _warnings);
        }

        WarnAboutUnknownNodes();
        KubeVersion? version = null;
        if (_serverVersion is not null)
        {
            if (KubeVersion.TryParse(_serverVersion, out var parsed))
            {
                version = parsed;
            }
            else
            {
                Warn(_serverVersionPosition, $"the {ServerVersionAnnotation} annotation '{_serverVersion}' is not a version like v1.31.2; ignored");
            }
        }

        var snapshot = new ClusterSnapshot(_nodes, _pods, _namespaces, _services, _workloads, version)
        {
            NetworkPolicies = _policies,
            WorkloadStatuses = _statuses,
        };
        return new ClusterReadResult(snapshot, _errors, _warnings);
    }

    private void Warn(SourcePosition position, string message) => _warnings.Add(new InputProblem(path, position, message));

    private void AddNode(Node node)
    {
        if (node.Allocatable.Count == 0)
        {
            Warn(node.Source.Root.Position, $"Node \"{node.Name}\" has no status.allocatable: read as 0 cpu, 0 memory and 0 pods, so the scheduler places nothing there");
            node = node with { Allocatable = NoAllocatable };
        }

        _nodes.Add(node);
        _nodesByName[node.Name] = node;
    }

    /// <summary>Records the object's name; a second object of the same kind, namespace and name is an error.</summary>
    private bool IsUnique(KubeObject read)
    {
        var position = read.Source.Root.Position;
        if (string.IsNullOrEmpty(read.Metadata.Name))
        {
            Error(position, $"a {read.Kind} without metadata.name");
            return false;
        }

        var ns = read is Node or NamespaceObject ? string.Empty : SnapshotNamespace(read);
        if (_names.TryAdd((read.Kind, ns, read.Name), position))
        {
            return true;
        }

        var first = _names[(read.Kind, ns, read.Name)];
        var name = ns.Length == 0 ? read.Name : $"{ns}/{read.Name}";
        Error(position, $"duplicate {read.Kind} \"{name}\" (first at line {first.Line}, column {first.Column})");
        return false;
    }

    /// <summary>
    /// The namespace of a snapshot object: the API server lists every namespaced object with its namespace, so only a
    /// hand-written snapshot leaves it out, and then it is read where the commands read it, in the configured default.
    /// </summary>
    private string SnapshotNamespace(KubeObject read) => read.NamespaceOr(defaultNamespace);

    private void WarnAboutUnknownNodes()
    {
        var unknown = _pods
            .Where(p => p.NodeName is { } node && !_nodesByName.ContainsKey(node))
            .GroupBy(p => p.NodeName!, StringComparer.Ordinal)
            .ToList();
        foreach (var group in unknown.Take(MaxListedWarnings))
        {
            var first = group.First();
            var others = group.Count() > 1 ? string.Create(CultureInfo.InvariantCulture, $" and {group.Count() - 1} more pods are") : " is";
            Warn(first.Pod.Source.Root.Position, $"Pod \"{SnapshotNamespace(first.Pod)}/{first.Pod.Name}\"{others} bound to node \"{group.Key}\", which is not in the snapshot: listed, but holding no ports or resources on any node");
        }

        if (unknown.Count > MaxListedWarnings)
        {
            Warn(SourcePosition.Start, string.Create(CultureInfo.InvariantCulture, $"pods are bound to {unknown.Count - MaxListedWarnings} more nodes that are not in the snapshot"));
        }
    }

    /// <summary>
    /// The object without kubectl's copy of its last applied manifest, which the JSON reader never reads: both formats
    /// give the same model, and a large snapshot does not keep a second copy of every object.
    /// </summary>
    private static KubeObject WithoutLastApplied(KubeObject read)
    {
        var annotations = read.Metadata.Annotations;
        if (!annotations.ContainsKey(LastApplied))
        {
            return read;
        }

        var metadata = read.Metadata with
        {
            Annotations = annotations.Where(a => a.Key != LastApplied).ToDictionary(StringComparer.Ordinal),
        };
        // A Pod's template metadata is its own metadata.
        return read is Workload { IsPod: true } pod
            ? pod with { Metadata = metadata, Template = pod.Template with { Metadata = metadata } }
            : read with { Metadata = metadata };
    }

    private static readonly string[] ThinRootKeys = ["apiVersion", "kind"];

    private static readonly string[] ThinMetadataKeys = ["name", "namespace"];

    /// <summary>
    /// Whether <see cref="Thin"/> keeps the property <paramref name="key"/> of a mapping in <paramref name="scope"/>:
    /// the only properties of a snapshot's object whose positions outlive its reading (a kept value is placed whole).
    /// </summary>
    internal static bool KeepsPosition(SnapshotScope scope, string key) => scope switch
    {
        SnapshotScope.Root => key is "metadata" || ThinRootKeys.Contains(key),
        SnapshotScope.Metadata => ThinMetadataKeys.Contains(key),
        _ => true,
    };

    /// <summary>The document reduced to its kind, name and namespace, with their positions.</summary>
    private static ManifestDocument Thin(ManifestDocument document)
    {
        var entries = new List<MappingEntry>(3);
        foreach (var key in ThinRootKeys)
        {
            if (document.Root.TryGetEntry(key, out var entry))
            {
                entries.Add(entry);
            }
        }

        if (document.Root.TryGetEntry("metadata", out var metadata) && metadata.Value is SourceMapping meta)
        {
            var names = new List<MappingEntry>(2);
            foreach (var entry in meta.Entries)
            {
                if (ThinMetadataKeys.Contains(entry.Key))
                {
                    names.Add(entry);
                }
            }

            entries.Add(new(metadata.Key, metadata.KeyPosition, metadata.KeyStyle, new SourceMapping(meta.Position, [.. names])));
        }

        return document with { Root = new SourceMapping(document.Root.Position, [.. entries]) };
    }
}
