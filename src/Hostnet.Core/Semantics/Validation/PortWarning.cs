namespace Hostnet.Core.Semantics.Validation;

/// <summary>A warning the API server returns with a create or update (kubectl prints it as <c>Warning: …</c>).</summary>
/// <param name="Field">The port it is about.</param>
/// <param name="Text">The warning text, byte for byte.</param>
/// <param name="Other">The earlier port it repeats or overlaps, when there is one.</param>
internal sealed record PortWarning(string Field, string Text, string? Other);
