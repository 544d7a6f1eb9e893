namespace Hostnet.Core.Model;

/// <summary>One term of required node affinity: expressions over labels and over fields, ANDed.</summary>
public sealed record NodeSelectorTerm(IReadOnlyList<LabelSelectorRequirement> MatchExpressions, IReadOnlyList<LabelSelectorRequirement> MatchFields);
