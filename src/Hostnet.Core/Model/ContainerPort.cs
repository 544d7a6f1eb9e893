namespace Hostnet.Core.Model;

/// <summary>
/// A declared container port as written. <see cref="Protocol"/> is the raw string ("" when absent);
/// <see cref="HostIP"/> is never defaulted (SEMANTICS.md §1).
/// </summary>
public sealed record ContainerPort(string Path, string? Name, int ContainerPortNumber, int HostPort, string HostIP, string Protocol)
{
    /// <summary>The protocol after API defaulting (empty → TCP).</summary>
    public string EffectiveProtocol => Protocol.Length == 0 ? "TCP" : Protocol;
}
