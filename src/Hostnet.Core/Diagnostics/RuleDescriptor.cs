namespace Hostnet.Core.Diagnostics;

/// <summary>
/// The public identity of a rule, from RULES.md: the ID and slug are a contract and are never reused
/// (<c>docs/rules/SHIPPED.md</c>). Whether a rule is fixable is whether it has a fixer in the rule catalogue.
/// </summary>
/// <param name="Id">The rule ID, e.g. <c>HN030</c>.</param>
/// <param name="Slug">The kebab-case name, e.g. <c>host-network-cluster-dns</c>.</param>
/// <param name="Title">One line saying what the rule finds.</param>
/// <param name="DefaultSeverity">The severity unless configuration says otherwise.</param>
/// <param name="Section">The RULES.md section.</param>
/// <param name="Fix">What to do, where the rule says the same for every finding (RULES.md, the fix column); null where the fix depends on the finding.</param>
public sealed record RuleDescriptor(string Id, string Slug, string Title, Severity DefaultSeverity, RuleSection Section, string? Fix = null)
{
    public const string DocsBaseUri = "https://github.com/hostnet-dev/hostnet/blob/main/docs/rules/";

    public Uri HelpUri => new(DocsBaseUri + Id + ".md");
}
