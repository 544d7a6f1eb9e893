using System.Collections.Frozen;

namespace Hostnet.Core.Model;

/// <summary>The parts of <c>metadata</c> that hostnet reads.</summary>
public sealed record ObjectMeta(
    string? Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    public static ObjectMeta Empty { get; } = new(null, null, FrozenDictionary<string, string>.Empty, FrozenDictionary<string, string>.Empty);

    /// <summary><c>metadata.uid</c> as the API server set it; the kubelet names a pod's cgroup after it (the agent reads it).</summary>
    public string? Uid { get; init; }
}
