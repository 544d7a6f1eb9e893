namespace Hostnet.Core.Model;

/// <summary>A pod-level sysctl.</summary>
public sealed record Sysctl(string Path, string Name, string? Value);
