using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace Hostnet.Core.Tests.Support;

/// <summary>
/// Golden files under <c>tests/Hostnet.Core.Tests/testdata/golden/</c> in the source tree: a mismatch fails with a
/// line diff; <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites them instead.
/// </summary>
internal static class Golden
{
    private const int Context = 3;

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "golden");

    public static void Assert(string name, string actual) => AssertIn(Folder, name, actual);

    /// <summary>The same check against golden files in another test project's <paramref name="folder"/>.</summary>
    public static void AssertIn(string folder, string name, string actual)
    {
        var path = Path.Combine(folder, name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        if (!File.Exists(path))
        {
            Xunit.Assert.Fail($"golden file {name} does not exist; run UPDATE_GOLDEN=1 dotnet test to create it");
        }

        // A checkout with CRLF endings must not fail every golden test.
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            Xunit.Assert.Fail($"output differs from golden/{name} (- golden, + actual); UPDATE_GOLDEN=1 dotnet test accepts it:\n{Diff(expected, actual)}");
        }
    }

    /// <summary>The changed lines with a few lines of context, unified-diff style.</summary>
    public static string Diff(string expected, string actual)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false).Lines;
        var changed = lines.Select((line, index) => (line, index)).Where(p => p.line.Type != ChangeType.Unchanged).Select(p => p.index).ToList();
        var text = new StringBuilder();
        var last = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!changed.Any(c => Math.Abs(c - i) <= Context))
            {
                continue;
            }

            if (last >= 0 && i > last + 1)
            {
                text.Append("  ...\n");
            }

            var line = lines[i];
            var marker = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            text.Append(marker).Append(Visible(line.Text)).Append('\n');
            last = i;
        }

        return text.ToString();
    }

    // Trailing spaces and escape codes are invisible in a test log.
    private static string Visible(string line)
    {
        var text = line.Replace("\e", "\\e", StringComparison.Ordinal);
        var trimmed = text.TrimEnd(' ');
        return trimmed + new string('·', text.Length - trimmed.Length);
    }
}
