using System.Text.Json.Nodes;

namespace Hostnet.Core.Editing;

/// <summary>One RFC 6902 operation.</summary>
/// <param name="Op"><c>add</c>, <c>replace</c>, <c>remove</c> or <c>move</c>.</param>
/// <param name="Path">An RFC 6901 JSON Pointer into the object.</param>
/// <param name="Value">The value for <c>add</c> and <c>replace</c>; null for <c>remove</c> and <c>move</c>.</param>
/// <param name="From">Where <c>move</c> takes the value from; null for the others.</param>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value, string? From = null);
