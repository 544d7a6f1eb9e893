namespace Hostnet.Core.Model;

/// <summary>An environment variable with a literal value (<c>valueFrom</c> is not followed).</summary>
public sealed record EnvVar(string Path, string Name, string? Value);
