using System.Globalization;
using System.Text;

namespace Hostnet.Core.Editing;

/// <summary>
/// A unified diff of two texts, line by line (three lines of context), as <c>diff -u</c> and
/// <c>git apply</c> read it. Lines keep their <c>\r</c>, so a CRLF file's diff applies to it.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Lines that must agree after a difference for the texts to count as back in step.</summary>
    private const int Confirm = 3;

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

    /// <summary>
    /// An edit script: each step keeps (' '), deletes ('-') or inserts ('+') a line, with the indexes it stands at.
    /// Fixes change a few lines in many places of long files, so instead of a global shortest edit script (whose
    /// memory grows with the number of changes times the length) the texts are walked together, and at each
    /// difference the nearest point where <see cref="Confirm"/> lines agree again is taken, trying the fewest
    /// deleted plus inserted lines first. Memory stays linear; the script is minimal for changes that are further
    /// apart than a few lines, which is what fixes make.
    /// </summary>
    private static List<(char Kind, int OldIndex, int NewIndex)> Script(string[] a, string[] b)
    {
        var script = new List<(char, int, int)>(Math.Max(a.Length, b.Length));
        var x = 0;
        var y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                script.Add((' ', x++, y++));
                continue;
            }

            var (deleted, inserted) = Resynchronise(a, b, x, y);
            for (var i = 0; i < deleted; i++)
            {
                script.Add(('-', x++, y));
            }

            for (var j = 0; j < inserted; j++)
            {
                script.Add(('+', x, y++));
            }
        }

        return script;
    }

    /// <summary>The fewest lines to delete from <paramref name="a"/> and insert from <paramref name="b"/> before the two agree again.</summary>
    private static (int Deleted, int Inserted) Resynchronise(string[] a, string[] b, int x, int y)
    {
        var restA = a.Length - x;
        var restB = b.Length - y;
        for (var k = 1; k < restA + restB; k++)
        {
            for (var deleted = Math.Max(0, k - restB); deleted <= Math.Min(k, restA); deleted++)
            {
                if (Agree(a, b, x + deleted, y + k - deleted))
                {
                    return (deleted, k - deleted);
                }
            }
        }

        return (restA, restB);
    }

    /// <summary>Whether the next <see cref="Confirm"/> lines agree from these points on (ending together counts).</summary>
    private static bool Agree(string[] a, string[] b, int x, int y)
    {
        for (var t = 0; t < Confirm; t++)
        {
            if (x + t >= a.Length || y + t >= b.Length)
            {
                return x + t >= a.Length && y + t >= b.Length;
            }

            if (!string.Equals(a[x + t], b[y + t], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
