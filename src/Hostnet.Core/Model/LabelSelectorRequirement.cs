namespace Hostnet.Core.Model;

/// <summary>One <c>matchExpressions</c> entry (labels) or <c>matchFields</c> entry (node fields).</summary>
public sealed record LabelSelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values);
