using System.CommandLine;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>fix --rule ID…</c>: the rules whose findings to fix, repeated or comma-separated, any case. An id hostnet cannot
/// fix is a usage error that lists those it can.
/// </summary>
internal static class FixableRuleOption
{
    public static Option<string[]> Create()
    {
        var fixable = string.Join(", ", RuleCatalog.FixableIds);
        var option = new Option<string[]>("--rule", "-r") { Description = $"Only fix findings of these rules ({fixable})", HelpName = "ID" };
        option.Validators.Add(result =>
        {
            foreach (var id in result.Tokens.SelectMany(t => Split(t.Value)).Where(id => !RuleCatalog.FixableIds.Contains(id)))
            {
                result.AddError($"--rule: {id} is not a rule hostnet can fix (fixable: {fixable})");
            }
        });
        return option;
    }

    /// <summary>The ids chosen, upper case; null (every fixable rule) when none is.</summary>
    public static IReadOnlySet<string>? Chosen(string[]? values) =>
        values is { Length: > 0 } ? values.SelectMany(Split).ToHashSet(StringComparer.Ordinal) : null;

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => id.ToUpperInvariant());
}
