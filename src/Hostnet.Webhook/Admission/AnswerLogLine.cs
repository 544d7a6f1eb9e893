using System.Collections;
using System.Globalization;
using System.Text.Json;
using Hostnet.Core.Admission;
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

    private string? _elapsedText;

    public int Count => 11;

    /// <summary>The verdict as <see cref="Enum.ToString()"/> names it, without its lookup of the names per call.</summary>
    public static string NameOf(AdmissionVerdict verdict) => verdict switch
    {
        AdmissionVerdict.Ignored => "Ignored",
        AdmissionVerdict.Allowed => "Allowed",
        AdmissionVerdict.Mutated => "Mutated",
        AdmissionVerdict.Warned => "Warned",
        AdmissionVerdict.WouldDeny => "WouldDeny",
        AdmissionVerdict.Denied => "Denied",
        _ => verdict.ToString(),
    };

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
        destination.TryWrite(CultureInfo.InvariantCulture, $"{endpoint} {uid} {kind} {objectNamespace}/{name} {operation} dryRun={dryRun}: {verdict} [{findings}] in {ElapsedText} ms", out written);

    public void WriteProperties(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(Names.Endpoint, endpoint);
        writer.WriteString(Names.Uid, uid);
        writer.WriteString(Names.Kind, kind);
        writer.WriteString(Names.ObjectNamespace, objectNamespace);
        writer.WriteString(Names.Name, name);
        writer.WriteString(Names.Operation, operation);
        writer.WriteBoolean(Names.DryRun, dryRun);
        writer.WriteString(Names.Verdict, verdict);
        writer.WriteString(Names.Findings, findings);
        // The message's text of the number: Utf8JsonWriter writes a double as its shortest round-trip text, as
        // double.ToString does (AnswerLogLineTests compare the line with the formatter's over generated values).
        writer.WritePropertyName(Names.ElapsedMs);
        writer.WriteRawValue(ElapsedText, skipInputValidation: true);
        writer.WriteString(Names.OriginalFormat, Format);
    }

    /// <summary>The elapsed milliseconds as the message and the JSON state both write them, formatted once.</summary>
    private string ElapsedText => _elapsedText ??= elapsedMs.ToString(CultureInfo.InvariantCulture);

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

    /// <summary>The properties' names, escaped once (plain ASCII and braces: every encoder writes them as they are).</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Endpoint = JsonEncodedText.Encode("Endpoint");
        public static readonly JsonEncodedText Uid = JsonEncodedText.Encode("Uid");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("Kind");
        public static readonly JsonEncodedText ObjectNamespace = JsonEncodedText.Encode("ObjectNamespace");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("Name");
        public static readonly JsonEncodedText Operation = JsonEncodedText.Encode("Operation");
        public static readonly JsonEncodedText DryRun = JsonEncodedText.Encode("DryRun");
        public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("Verdict");
        public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("Findings");
        public static readonly JsonEncodedText ElapsedMs = JsonEncodedText.Encode("ElapsedMs");
        public static readonly JsonEncodedText OriginalFormat = JsonEncodedText.Encode("{OriginalFormat}");
    }
}
