using Hostnet.Kube.Http;
using Hostnet.Kube.Listing;

namespace Hostnet.Kube.Snapshot;

/// <summary>What a snapshot holds: the server version, items per resource, and resources the server does not serve.</summary>
public sealed record SnapshotSummary(
    ServerVersion Version,
    IReadOnlyList<KeyValuePair<ApiResource, int>> Counts,
    IReadOnlyList<ApiResource> NotServed);
