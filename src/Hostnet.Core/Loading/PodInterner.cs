using System.Runtime.InteropServices;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// Shares the equal parts of a snapshot's pods: the pods of one controller repeat the same labels, owner reference,
/// conditions, tolerations and containers (arguments, environment, ports, probes, security context, resources), so a
/// large snapshot keeps one copy of each instead of one per pod (a fifth of the model of P2's 150,000 pods). Only
/// immutable values are shared, bottom up: a part is shared once its own parts are, so records compare equal exactly
/// when their values are. Per-pod parts (names, node, addresses, container statuses) stay the pod's own.
/// </summary>
internal sealed class PodInterner
{
    private readonly Dictionary<object, object> _shared = new(ValueComparer.Instance);

    public ClusterPod Share(ClusterPod pod)
    {
        var workload = pod.Pod;
        var spec = workload.Spec;
        var metadata = workload.Metadata with { Labels = Shared(workload.Metadata.Labels), Annotations = Shared(workload.Metadata.Annotations) };
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
        var shared = new Container[containers.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            var container = containers[i];
            shared[i] = Shared(container with
            {
                Ports = List(container.Ports),
                Command = List(container.Command),
                Args = List(container.Args),
                Env = List(container.Env),
                NetworkHandlers = List(container.NetworkHandlers),
                SecurityContext = SecurityContext(container.SecurityContext),
                Requests = Shared(container.Requests),
                Limits = Shared(container.Limits),
            });
        }

        return List(shared);
    }

    private SecurityContext SecurityContext(SecurityContext context) =>
        Shared(context with { CapabilitiesAdd = List(context.CapabilitiesAdd), CapabilitiesDrop = List(context.CapabilitiesDrop) });

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
            shared[i] = Shared(items[i]);
        }

        return Shared(shared);
    }

    private T Shared<T>(T value)
        where T : class
    {
        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_shared, value, out _);
        shared ??= value;
        return (T)shared;
    }

    /// <summary>Values compare by type and content: records as they define it, arrays and string maps item by item.</summary>
    private sealed class ValueComparer : IEqualityComparer<object>
    {
        public static ValueComparer Instance { get; } = new();

        public new bool Equals(object? x, object? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.GetType() != y.GetType())
            {
                return false;
            }

            return (x, y) switch
            {
                (IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) => MapsEqual(a, b),
                // The shared lists hold classes only, so every one is an object[] (array covariance).
                (object?[] a, object?[] b) => ItemsEqual(a, b),
                _ => x.Equals(y),
            };
        }

        public int GetHashCode(object value)
        {
            switch (value)
            {
                case IReadOnlyDictionary<string, string> map:
                    var mapHash = map.Count;
                    foreach (var (key, item) in map)
                    {
                        mapHash ^= HashCode.Combine(key, item);
                    }

                    return mapHash;
                case object?[] array:
                    var arrayHash = default(HashCode);
                    foreach (var item in array)
                    {
                        arrayHash.Add(item);
                    }

                    return arrayHash.ToHashCode();
                default:
                    return value.GetHashCode();
            }
        }

        private static bool MapsEqual(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            foreach (var (key, value) in a)
            {
                if (!b.TryGetValue(key, out var other) || other != value)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ItemsEqual(object?[] a, object?[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (var i = 0; i < a.Length; i++)
            {
                if (!object.Equals(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
