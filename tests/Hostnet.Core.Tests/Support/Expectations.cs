using System.Text.RegularExpressions;

namespace Hostnet.Core.Tests.Support;

/// <summary>
/// Reads <c># expect: HN030</c> (or <c># expect: HN002, HN017</c>) markers: each names findings expected on the line
/// the marker stands on.
/// </summary>
internal static partial class Expectations
{
    public static IReadOnlyList<(int Line, string Rule)> Read(string text)
    {
        var expected = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Marker().Match(lines[i]);
            if (match.Success)
            {
                expected.AddRange(match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(rule => (i + 1, rule)));
            }
        }

        return expected;
    }

    [GeneratedRegex(@"#\s*expect:\s*([A-Z0-9, ]+)")]
    private static partial Regex Marker();
}
