namespace Hostnet.Core.Model;

/// <summary>A node taint.</summary>
public sealed record Taint(string Key, string Value, string Effect);
