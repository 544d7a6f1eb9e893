using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hostnet.Core.Reporting;

/// <summary>How the JSON formats are written: indented with two spaces, LF endings, readable non-ASCII, a final newline.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>What the JSON writer may hold before <see cref="FlushWhenLarge"/> hands it to the output.</summary>
    private const int FlushBytes = 64 * 1024;

    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        if (output is StreamWriter { Encoding: UTF8Encoding utf8 } file && utf8.Preamble.Length == 0)
        {
            // A UTF-8 file (--output): the writer's bytes go straight to it, where the general path below decodes
            // them into characters only for the file's writer to encode them back into the same bytes.
            file.Flush();
            using (var json = new Utf8JsonWriter(file.BaseStream, Options))
            {
                body(json);
            }
        }
        else
        {
            using var stream = new TextWriterStream(output);
            using var json = new Utf8JsonWriter(stream, Options);
            body(json);
        }

        output.Write('\n');
    }

    /// <summary>Called between the items of a long array: a report of many findings never sits whole in memory.</summary>
    public static void FlushWhenLarge(Utf8JsonWriter json)
    {
        if (json.BytesPending > FlushBytes)
        {
            json.Flush();
        }
    }

    public static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
