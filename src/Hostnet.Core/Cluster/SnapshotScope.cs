namespace Hostnet.Core.Cluster;

/// <summary>Where a JSON value sits in an object of a snapshot, which decides which of its fields are kept.</summary>
internal enum SnapshotScope
{
    /// <summary>The object itself: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c>, <c>status</c>.</summary>
    Root,

    /// <summary>A <c>metadata</c> mapping (of the object or of a pod template).</summary>
    Metadata,

    /// <summary><c>metadata.annotations</c>.</summary>
    Annotations,

    /// <summary>The object's <c>status</c>.</summary>
    Status,

    /// <summary>Anything below <c>spec</c>.</summary>
    Spec,

    /// <summary>Anything else that is kept: kept whole.</summary>
    Whole,
}
