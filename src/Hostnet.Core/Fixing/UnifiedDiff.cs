using System.Globalization;
using System.Text;

namespace Hostnet.Core.Fixing;

/// <summary>
/// A unified diff of two texts, line by line (Myers' O(ND) algorithm, three lines of context), as <c>diff -u</c> and
/// <c>git apply</c> read it. Lines keep their <c>\r</c>, so a CRLF file's diff applies to it.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff, or an empty string when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldName, string newName)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var a = Lines(oldText);
        var b = Lines(newText);
        var script = Script(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk runs from the first change to the last one followed by more than 2 × Context equal lines.
            var start = Math.Max(0, i - Context);
            var end = i;
            var lastChange = i;
            while (end < script.Count && (script[end].Kind != ' ' || end - lastChange <= 2 * Context))
            {
                if (script[end].Kind != ' ')
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(script.Count, lastChange + Context + 1);
            WriteHunk(output, script, start, end, a, b);
            i = end;
        }

        return output.ToString();
    }

    private static void WriteHunk(StringBuilder output, List<(char Kind, int OldIndex, int NewIndex)> script, int start, int end, string[] a, string[] b)
    {
        var oldStart = script[start].OldIndex;
        var newStart = script[start].NewIndex;
        var oldCount = script.Skip(start).Take(end - start).Count(s => s.Kind != '+');
        var newCount = script.Skip(start).Take(end - start).Count(s => s.Kind != '-');
        output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (var j = start; j < end; j++)
        {
            var (kind, oldIndex, newIndex) = script[j];
            var lines = kind == '+' ? b : a;
            var index = kind == '+' ? newIndex : oldIndex;
            output.Append(kind).Append(lines[index].TrimEnd('\n')).Append('\n');
            if (!lines[index].EndsWith('\n'))
            {
                output.Append("\\ No newline at end of file\n");
            }
        }
    }

    private static string Range(int start, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{start},0"),
        1 => string.Create(CultureInfo.InvariantCulture, $"{start + 1}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{start + 1},{count}"),
    };

    /// <summary>The lines of a text, each with its line break (the last may have none).</summary>
    private static string[] Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return [.. lines];
    }

    /// <summary>The shortest edit script: each step keeps (' '), deletes ('-') or inserts ('+') a line, with the indexes it stands at.</summary>
    private static List<(char Kind, int OldIndex, int NewIndex)> Script(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var offset = n + m + 1;
        var v = new int[(2 * offset) + 1];
        var trace = new List<int[]>();
        for (var d = 0; d <= n + m; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, offset, n, m);
                }
            }
        }

        throw new InvalidOperationException("unreachable: an edit script has at most n + m steps");
    }

    private static List<(char Kind, int OldIndex, int NewIndex)> Backtrack(List<int[]> trace, int offset, int n, int m)
    {
        var script = new List<(char, int, int)>();
        var x = n;
        var y = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var previousX = d == 0 ? 0 : v[offset + previousK];
            var previousY = d == 0 ? 0 : previousX - previousK;
            while (x > previousX && y > previousY)
            {
                x--;
                y--;
                script.Add((' ', x, y));
            }

            if (d > 0)
            {
                if (x == previousX)
                {
                    script.Add(('+', x, previousY));
                }
                else
                {
                    script.Add(('-', previousX, y));
                }
            }

            x = previousX;
            y = previousY;
        }

        script.Reverse();
        return script;
    }
}
