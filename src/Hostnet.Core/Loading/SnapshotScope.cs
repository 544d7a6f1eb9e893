using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>Where a JSON value sits in an object of a snapshot, which decides which of its fields are kept.</summary>
internal enum SnapshotScope
{
    /// <summary>The object itself: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c>, <c>status</c>.</summary>
    Root,

    /// <summary>A <c>metadata</c> mapping (of the object or of a pod template).</summary>
    Metadata,

    /// <summary><c>metadata.annotations</c>.</summary>
    Annotations,

    /// <summary>An item of <c>metadata.ownerReferences</c>.</summary>
    OwnerReference,

    /// <summary>The <c>status</c> of an object whose kind is not known yet: what a pod or a node needs.</summary>
    Status,

    /// <summary>A Pod's <c>status</c>.</summary>
    PodStatus,

    /// <summary>An item of a Pod's <c>status.conditions</c>.</summary>
    PodCondition,

    /// <summary>An item of a Pod's <c>status.containerStatuses</c> or <c>status.initContainerStatuses</c>.</summary>
    ContainerStatus,

    /// <summary>A Node's <c>status</c>.</summary>
    NodeStatus,

    /// <summary>Anything below <c>spec</c>.</summary>
    Spec,

    /// <summary>Anything else that is kept: kept whole.</summary>
    Whole,
}
