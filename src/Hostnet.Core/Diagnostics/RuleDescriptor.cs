namespace Hostnet.Core.Diagnostics;

/// <summary>
/// The public identity of a rule, from RULES.md: the ID and slug are a contract and are never reused
/// (<c>docs/rules/SHIPPED.md</c>). Whether a rule is fixable is whether it has a fixer in the rule catalogue. Like
/// Roslyn's <c>DiagnosticDescriptor</c>, it holds every text the rule prints: its messages and its fix texts, each a
/// <see cref="RuleText"/> the report site fills in.
/// </summary>
/// <param name="Id">The rule ID, e.g. <c>HN030</c>.</param>
/// <param name="Slug">The kebab-case name, e.g. <c>host-network-cluster-dns</c>.</param>
/// <param name="Title">One line saying what the rule finds.</param>
/// <param name="DefaultSeverity">The severity unless configuration says otherwise.</param>
/// <param name="Section">The RULES.md section.</param>
public sealed record RuleDescriptor(string Id, string Slug, string Title, Severity DefaultSeverity, RuleSection Section)
{
    public const string DocsBaseUri = "https://github.com/hostnet-dev/hostnet/blob/main/docs/rules/";

    public Uri HelpUri => new(DocsBaseUri + Id + ".md");

    /// <summary>What a finding says, variant by variant; a text may be a part said only in some cases.</summary>
    public IReadOnlyList<RuleText> Messages { get; init; } = [];

    /// <summary>What to do about a finding (RULES.md, the fix column), variant by variant.</summary>
    public IReadOnlyList<RuleText> Fixes { get; init; } = [];

    // A rule is its identity: the texts are what it says, not part of which rule it is.
    public bool Equals(RuleDescriptor? other) =>
        other is not null && Id == other.Id && Slug == other.Slug && Title == other.Title && DefaultSeverity == other.DefaultSeverity && Section == other.Section;

    public override int GetHashCode() => HashCode.Combine(Id, Slug, Title, DefaultSeverity, Section);
}
