using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// Reads <c>docs/rules/SHIPPED.md</c> (releases of <c>### New rules</c> and <c>### Changed rules</c> tables, as Roslyn's
/// <c>AnalyzerReleases.Shipped.md</c>) and says where it breaks the contract: an ID reused or changed before it shipped,
/// a row that is not a rule, and, against a catalogue, an ID removed or a rule that differs or was never recorded.
/// </summary>
internal static class ShippedRules
{
    /// <summary>What the releases add up to, by ID: (section, severity, title) as the tables write them.</summary>
    public static (Dictionary<string, (string Section, string Severity, string Title)> Rules, List<string> Problems) Read(string text)
    {
        var rules = new Dictionary<string, (string Section, string Severity, string Title)>(StringComparer.Ordinal);
        var problems = new List<string>();
        string? release = null;
        string? table = null;
        foreach (var (line, number) in text.ReplaceLineEndings("\n").Split('\n').Select((l, i) => (l, i + 1)))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                release = line[3..];
                table = null;
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                table = line[4..];
                if (release is null || table is not ("New rules" or "Changed rules"))
                {
                    problems.Add($"line {number}: '{line}' is not a New rules or Changed rules table of a release (IDs are never removed)");
                }
            }
            else if (line.StartsWith("| HN", StringComparison.Ordinal))
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length != 4 || table is null)
                {
                    problems.Add($"line {number}: a rule row needs a table and four cells: ID | Section | Severity | Title");
                    continue;
                }

                var id = cells[0];
                if (table == "New rules" && !rules.TryAdd(id, (cells[1], cells[2], cells[3])))
                {
                    problems.Add($"line {number}: {id} was already shipped; an ID is never reused");
                }
                else if (table == "Changed rules" && !rules.ContainsKey(id))
                {
                    problems.Add($"line {number}: {id} is changed in {release} but was never shipped");
                }
                else
                {
                    rules[id] = (cells[1], cells[2], cells[3]);
                }
            }
        }

        return (rules, problems);
    }

    /// <summary>Every problem of <paramref name="text"/>, and every difference between what it adds up to and <paramref name="catalogue"/>.</summary>
    public static List<string> Problems(string text, IReadOnlyList<RuleDescriptor> catalogue)
    {
        var (shipped, problems) = Read(text);
        var current = catalogue.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var (id, row) in shipped.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!current.TryGetValue(id, out var rule))
            {
                problems.Add($"{id} was shipped but is no longer in the catalogue; an ID is never removed");
            }
            else if (row != (rule.Section.Title(), rule.DefaultSeverity.ToString().ToLowerInvariant(), rule.Title))
            {
                problems.Add($"{id} is shipped as {row} but the catalogue says ({rule.Section.Title()}, {rule.DefaultSeverity.ToString().ToLowerInvariant()}, {rule.Title}): add a Changed rules row");
            }
        }

        problems.AddRange(current.Keys.Where(id => !shipped.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => $"{id} is in the catalogue but not in SHIPPED.md"));
        return problems;
    }
}
