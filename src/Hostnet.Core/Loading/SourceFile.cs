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

    private static SourcePosition PositionOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new SourcePosition(line, offset - lineStart + 1);
    }
}
