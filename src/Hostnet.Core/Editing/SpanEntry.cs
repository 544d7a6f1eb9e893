namespace Hostnet.Core.Editing;

/// <summary>A key and its value.</summary>
internal sealed record SpanEntry(SpanNode Key, SpanNode Value)
{
    public string? Name => (Key as SpanScalar)?.Value;
}
