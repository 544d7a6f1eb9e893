using System.Collections;
using System.Globalization;
using System.Text.Json;
using Hostnet.Webhook.Hosting;
using Microsoft.Extensions.Logging;

namespace Hostnet.Webhook.Admission;

/// <summary>
/// The log line of an answered review: the message and the structured state the <c>[LoggerMessage]</c> method it
/// replaces gave (the same event id, message format and properties), so every logger reads it as before, and the
/// JSON console line keeps its bytes while <see cref="InlineConsoleLoggerProvider"/> writes it without formatting
/// allocations (<see cref="IJsonLogState"/>).
/// </summary>
internal sealed class AnswerLogLine(string endpoint, string uid, string kind, string objectNamespace, string name, string operation, bool dryRun, string verdict, string findings, double elapsedMs)
    : IReadOnlyList<KeyValuePair<string, object?>>, IJsonLogState
{
    public const string Format = "{Endpoint} {Uid} {Kind} {ObjectNamespace}/{Name} {Operation} dryRun={DryRun}: {Verdict} [{Findings}] in {ElapsedMs} ms";

    /// <summary>The id the logging source generator gave the method <c>LogAnswered</c> (a hash of its name), kept for whoever filters on it.</summary>
    public static readonly EventId Id = new(762352162, "LogAnswered");

    public static readonly Func<AnswerLogLine, Exception?, string> Formatter = static (line, _) => line.ToString();

    public int Count => 11;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Endpoint", endpoint),
        1 => new("Uid", uid),
        2 => new("Kind", kind),
        3 => new("ObjectNamespace", objectNamespace),
        4 => new("Name", name),
        5 => new("Operation", operation),
        6 => new("DryRun", dryRun),
        7 => new("Verdict", verdict),
        8 => new("Findings", findings),
        9 => new("ElapsedMs", elapsedMs),
        10 => new("{OriginalFormat}", Format),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The message, formatted in the invariant culture as the generated method's was.</summary>
    public bool TryFormatMessage(Span<char> destination, out int written) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{endpoint} {uid} {kind} {objectNamespace}/{name} {operation} dryRun={dryRun}: {verdict} [{findings}] in {elapsedMs} ms", out written);

    public void WriteProperties(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("Endpoint", endpoint);
        writer.WriteString("Uid", uid);
        writer.WriteString("Kind", kind);
        writer.WriteString("ObjectNamespace", objectNamespace);
        writer.WriteString("Name", name);
        writer.WriteString("Operation", operation);
        writer.WriteBoolean("DryRun", dryRun);
        writer.WriteString("Verdict", verdict);
        writer.WriteString("Findings", findings);
        writer.WriteNumber("ElapsedMs", elapsedMs);
        writer.WriteString("{OriginalFormat}", Format);
    }

    public override string ToString()
    {
        Span<char> message = stackalloc char[512];
        return TryFormatMessage(message, out var written) ? new string(message[..written]) : FormatLong();
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A message longer than the stack buffer (long names): formatted into ever larger arrays.</summary>
    private string FormatLong()
    {
        for (var length = 1024; ; length *= 2)
        {
            var message = new char[length];
            if (TryFormatMessage(message, out var written))
            {
                return new string(message, 0, written);
            }
        }
    }
}
