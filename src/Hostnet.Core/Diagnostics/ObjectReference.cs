namespace Hostnet.Core.Diagnostics;

/// <summary>The object a finding is about.</summary>
public sealed record ObjectReference(string Kind, string? Namespace, string? Name)
{
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
