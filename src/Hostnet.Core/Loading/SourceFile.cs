using System.Text;
using System.Text.Unicode;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>The text of one input (a file, or standard input) and the name to report it under.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>Decodes bytes as UTF-8 text; binary data or invalid UTF-8 is an input problem, not an exception.</summary>
    public static SourceFile? FromBytes(string path, ReadOnlySpan<byte> bytes, out InputProblem? problem)
    {
        problem = null;
        if (WideEncoding(bytes) is { } wide)
        {
            problem = new InputProblem(path, SourcePosition.Start, $"the file is {wide.Name} text, and hostnet reads UTF-8: convert it with iconv -f {wide.IconvName} -t UTF-8");
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            problem = new InputProblem(path, PositionOfByte(bytes, nul), "binary data: the file contains a NUL byte and is not YAML or JSON text");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (!Utf8.IsValid(bytes))
        {
            Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
            problem = new InputProblem(path, PositionOfByte(bytes, read), "binary data: the file is not valid UTF-8 text");
            return null;
        }

        // Decoded straight into the string: no intermediate buffer as large as the text.
        return new SourceFile(path, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>
    /// UTF-16 or UTF-32 text (Windows editors and PowerShell's <c>&gt;</c> write UTF-16), told by its byte order mark or,
    /// without one, by ASCII text's pattern of NUL bytes; with the name <c>iconv</c> knows it by.
    /// </summary>
    private static (string Name, string IconvName)? WideEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return ("UTF-32", "UTF-32");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // iconv's "UTF-16" reads the byte order from the mark.
            return ("UTF-16", "UTF-16");
        }

        var sample = bytes[..Math.Min(bytes.Length & ~1, 64)];
        if (sample.Length == 0)
        {
            return null;
        }

        var evenNul = true;
        var oddNul = true;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenNul &= sample[i] == 0 && sample[i + 1] != 0;
            oddNul &= sample[i] != 0 && sample[i + 1] == 0;
        }

        return oddNul ? ("UTF-16 (little-endian, no byte order mark)", "UTF-16LE")
            : evenNul ? ("UTF-16 (big-endian, no byte order mark)", "UTF-16BE")
            : null;
    }

    private static SourcePosition PositionOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new SourcePosition(line, offset - lineStart + 1);
    }
}
