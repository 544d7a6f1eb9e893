using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// Shares the equal parts of a snapshot's pods: the pods of one controller repeat the same labels, owner reference,
/// conditions, tolerations, volumes and containers (arguments, environment, ports, probes, security context, resources),
/// so a large snapshot keeps one copy of each instead of one per pod (a fifth of the model of P2's 150,000 pods). Only
/// immutable values are shared, bottom up: a part is shared once its own parts are, so records compare equal exactly
/// when their values are. Per-pod parts (names, node, addresses, container statuses) stay the pod's own.
/// Thread-safe: the item readers share each pod as soon as they have read it (<see cref="ClusterSnapshotBuilder.Prepare"/>),
/// so its fresh copies of shared parts die young on that thread instead of surviving the hand-off to the builder's
/// thread. Whichever equal copy a table takes first is the one all get; a string map's copy equals another only with
/// the same entries in the same order, so every pod keeps its own order of labels, whoever came first.
/// </summary>
internal sealed class PodInterner
{
    // Three tables, one per kind of value, so that a lookup compares by the value's own equality without testing
    // which kind it is: records (and strings) as they define it, arrays and string maps item by item.
    private readonly ConcurrentDictionary<object, object> _records = [];
    private readonly ConcurrentDictionary<object[], object[]> _lists = new(ItemsComparer.Instance);
    private readonly ConcurrentDictionary<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> _maps = new(MapComparer.Instance);

    public ClusterPod Share(ClusterPod pod)
    {
        var workload = pod.Pod;
        var spec = workload.Spec;
        var metadata = workload.Metadata with { Labels = Map(workload.Metadata.Labels), Annotations = Map(workload.Metadata.Annotations) };
        var template = workload.Template with
        {
            // A Pod's template metadata is its own metadata.
            Metadata = ReferenceEquals(workload.Template.Metadata, workload.Metadata) ? metadata : workload.Template.Metadata,
            Spec = spec with
            {
                Containers = Containers(spec.Containers),
                InitContainers = Containers(spec.InitContainers),
                Tolerations = List(spec.Tolerations),
                SecurityContext = SecurityContext(spec.SecurityContext),
                Volumes = Volumes(spec.Volumes),
            },
        };
        return pod with
        {
            Pod = workload with { Metadata = metadata, Template = template },
            Status = pod.Status with { Conditions = List(pod.Status.Conditions) },
            OwnerReferences = List(pod.OwnerReferences),
        };
    }

    private Container[] Containers(IReadOnlyList<Container> containers)
    {
        if (containers.Count == 0)
        {
            return [];
        }

        var shared = new Container[containers.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            var container = containers[i];
            shared[i] = Record(container with
            {
                Ports = List(container.Ports),
                Command = List(container.Command),
                Args = List(container.Args),
                Env = List(container.Env),
                NetworkHandlers = List(container.NetworkHandlers),
                SecurityContext = SecurityContext(container.SecurityContext),
                Requests = Map(container.Requests),
                Limits = Map(container.Limits),
            });
        }

        return SharedList(shared);
    }

    private SecurityContext SecurityContext(SecurityContext context) =>
        Record(context with { CapabilitiesAdd = List(context.CapabilitiesAdd), CapabilitiesDrop = List(context.CapabilitiesDrop) });

    /// <summary>The shared volumes: a controller's pods mount the same ones (the service account token's projection too).</summary>
    private Volume[] Volumes(IReadOnlyList<Volume> volumes)
    {
        if (volumes.Count == 0)
        {
            return [];
        }

        var shared = new Volume[volumes.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            shared[i] = Record(volumes[i] with { Sources = List(volumes[i].Sources) });
        }

        return SharedList(shared);
    }

    /// <summary>The shared list of the shared items; every empty list is the one empty array.</summary>
    private T[] List<T>(IReadOnlyList<T> items)
        where T : class
    {
        if (items.Count == 0)
        {
            return [];
        }

        var shared = new T[items.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            shared[i] = Record(items[i]);
        }

        return SharedList(shared);
    }

    /// <summary>The shared list of items that are shared already (each the one copy of its value).</summary>
    private T[] SharedList<T>(T[] items)
        where T : class
    {
        // A T[] of a class T is an object[] (array covariance); the comparer tells arrays of different types apart.
        return (T[])_lists.GetOrAdd(items, items);
    }

    private T Record<T>(T value)
        where T : class
    {
        return (T)_records.GetOrAdd(value, value);
    }

    private IReadOnlyDictionary<string, string> Map(IReadOnlyDictionary<string, string> map)
    {
        return _maps.GetOrAdd(map, map);
    }

    /// <summary>
    /// Arrays of shared items compare by type and item by item. Each item is the one copy of its value, so equal items
    /// are the same object: compared and hashed by reference, a record's fields are not compared or hashed again.
    /// </summary>
    private sealed class ItemsComparer : IEqualityComparer<object[]>
    {
        public static ItemsComparer Instance { get; } = new();

        public bool Equals(object[]? x, object[]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.GetType() != y.GetType() || x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(object[] array)
        {
            var hash = default(HashCode);
            foreach (var item in array)
            {
                hash.Add(RuntimeHelpers.GetHashCode(item));
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>String maps compare by type and entry by entry, in order (the copy a pod gets enumerates as its own did).</summary>
    private sealed class MapComparer : IEqualityComparer<IReadOnlyDictionary<string, string>>
    {
        public static MapComparer Instance { get; } = new();

        public bool Equals(IReadOnlyDictionary<string, string>? x, IReadOnlyDictionary<string, string>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.GetType() != y.GetType() || x.Count != y.Count)
            {
                return false;
            }

            using var others = y.GetEnumerator();
            foreach (var (key, value) in x)
            {
                if (!others.MoveNext() || others.Current.Key != key || others.Current.Value != value)
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyDictionary<string, string> map)
        {
            var hash = map.Count;
            foreach (var (key, item) in map)
            {
                hash ^= HashCode.Combine(key, item);
            }

            return hash;
        }
    }
}
