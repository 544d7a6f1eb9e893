using System.Text.Json.Nodes;

namespace Hostnet.Core.Fixing;

/// <summary>One RFC 6902 operation.</summary>
/// <param name="Op"><c>add</c>, <c>replace</c> or <c>remove</c>.</param>
/// <param name="Path">An RFC 6901 JSON Pointer into the object.</param>
/// <param name="Value">The value for <c>add</c> and <c>replace</c>; null for <c>remove</c>.</param>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value);
