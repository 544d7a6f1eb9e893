namespace Hostnet.Core.Loading;

/// <summary>What hostile input may cost: nesting depth and the size that aliases expand to.</summary>
public sealed record LoaderLimits
{
    public static LoaderLimits Default { get; } = new();

    /// <summary>Deepest nesting of mappings and sequences; Kubernetes objects stay far below it.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Most nodes a document may expand to once aliases are followed (the "billion laughs" bound).</summary>
    public long MaxExpandedNodes { get; init; } = 2_000_000;

    /// <summary>Largest input accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;
}
