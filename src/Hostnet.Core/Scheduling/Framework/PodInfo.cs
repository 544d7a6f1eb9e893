namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// One pod as the scheduler sees it. Identity is the instance: the cluster state tracks pods by reference.
/// </summary>
public sealed class PodInfo(string @namespace, string name, IReadOnlyDictionary<string, string> labels, SchedulingSpec spec, string owner)
{
    public string Namespace { get; } = @namespace;

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    public SchedulingSpec Spec { get; } = spec;

    /// <summary>The workload the pod belongs to, as <c>Kind/name</c>; pods of one owner are spread apart when scoring.</summary>
    public string Owner { get; } = owner;

    /// <summary>Whether the pod is being deleted: it still holds its node's resources and ports, but spreading ignores it.</summary>
    public bool Terminating { get; init; }

    public int Priority => Spec.Priority;

    public override string ToString() => $"{Namespace}/{Name}";
}
