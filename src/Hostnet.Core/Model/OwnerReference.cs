namespace Hostnet.Core.Model;

/// <summary>One entry of <c>metadata.ownerReferences</c>.</summary>
public sealed record OwnerReference(string Kind, string Name, bool Controller);
