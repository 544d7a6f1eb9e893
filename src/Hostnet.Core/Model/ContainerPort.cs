namespace Hostnet.Core.Model;

/// <summary>
/// A declared container port as written. <see cref="Protocol"/> is the raw string ("" when absent);
/// <see cref="HostIP"/> is never defaulted (SEMANTICS.md §1). The port numbers are the API's int32 fields, 0 when absent.
/// </summary>
/// <param name="UndecodableNumber">
/// <c>containerPort</c> or <c>hostPort</c> holds a value the API cannot decode into its int32 field (text, a fraction,
/// a number beyond int32). The API refuses the object while decoding (HN000), before any validation, so validation
/// rules skip the port rather than read the field as absent.
/// </param>
public sealed record ContainerPort(string Path, string? Name, int ContainerPortNumber, int HostPort, string HostIP, string Protocol, bool UndecodableNumber = false)
{
    /// <summary>The protocol after API defaulting (empty → TCP).</summary>
    public string EffectiveProtocol => Protocol.Length == 0 ? "TCP" : Protocol;
}
