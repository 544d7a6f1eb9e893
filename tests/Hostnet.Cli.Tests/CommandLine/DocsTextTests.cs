using System.Text.RegularExpressions;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>The user-facing pages read right: headings stand apart, and the files their commands name exist.</summary>
public sealed partial class DocsTextTests
{
    public static TheoryData<string> Pages() =>
    [
        "README.md",
        "examples/README.md",
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_Headings_HaveABlankLineBefore(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, page));
        var fenced = false;
        var cramped = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            fenced ^= lines[i].StartsWith("```", StringComparison.Ordinal);
            if (!fenced && i > 0 && Heading().IsMatch(lines[i]) && lines[i - 1].Trim().Length > 0)
            {
                cramped.Add($"{page}:{i + 1}: {lines[i]}");
            }
        }

        cramped.ShouldBeEmpty();
    }

    [Fact]
    public void Readme_CommandsName_FilesThatExist()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var missing = RepositoryFile().Matches(readme).Select(m => m.Value)
            .Where(path => !File.Exists(Path.Combine(RepositoryPaths.Root, path)))
            .ToList();

        missing.ShouldBeEmpty();
    }

    [GeneratedRegex(@"^#{1,6} ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=hostnet [a-z]+ )(?:examples|deploy)/[\w./-]+\.ya?ml")]
    private static partial Regex RepositoryFile();
}
