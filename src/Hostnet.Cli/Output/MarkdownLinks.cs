using System.Text.RegularExpressions;

namespace Hostnet.Cli.Output;

/// <summary>
/// Markdown links as a terminal reader wants them: <c>[HN001](HN001.md)</c> becomes <c>HN001</c> (a page of the
/// documentation, which <c>hostnet explain</c> shows), <c>[text](https://…)</c> becomes <c>text (https://…)</c>.
/// </summary>
internal static partial class MarkdownLinks
{
    public static string ToPlainText(string markdown) =>
        Link().Replace(markdown, match => match.Groups["target"].Value.Contains("://", StringComparison.Ordinal)
            ? $"{match.Groups["text"].Value} ({match.Groups["target"].Value})"
            : match.Groups["text"].Value);

    [GeneratedRegex(@"\[(?<text>[^\]\n]+)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
