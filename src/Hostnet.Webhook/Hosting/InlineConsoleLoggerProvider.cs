using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// The console logger's JSON lines, byte for byte (its own <c>json</c> formatter and options), written on the thread
/// that logs into the buffered standard output (<see cref="BufferedStandardOutput"/>). The console logger hands every
/// line to a queue and wakes its writer thread for it: a thread wake per review, a large share of a review's CPU at a
/// fixed rate (bench/RESULTS.md, P3). Here a line costs its formatting and one short lock. An entry whose state writes
/// itself (<see cref="IJsonLogState"/>: a review's line) is written as the formatter would write it, straight as UTF-8,
/// and those bytes go into the output's buffer as they are (<see cref="BufferedUtf8Writer"/>).
/// </summary>
internal sealed class InlineConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    /// <summary>A line's buffers that grew past this (a long exception text) are not kept by the thread.</summary>
    private const int KeptLineBytes = 16 * 1024;

    private static readonly LogTimestamp Timestamps = new();

    [ThreadStatic]
    private static StringWriter? t_line;

    [ThreadStatic]
    private static DirectLine? t_direct;

    private readonly ConsoleFormatter _formatter;
    private readonly IOptionsMonitor<JsonConsoleFormatterOptions> _options;
    private readonly BufferedStandardOutput _output;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    private InlineConsoleLoggerProvider(IEnumerable<ConsoleFormatter> formatters, IOptionsMonitor<JsonConsoleFormatterOptions> options, BufferedStandardOutput output)
    {
        _formatter = formatters.Single(f => f.Name == ConsoleFormatterNames.Json);
        _options = options;
        _output = output;
    }

    /// <summary>
    /// The JSON console logger (<c>AddJsonConsole</c>) with this provider in place of the console logger's provider:
    /// the formatter and its options stay as configured; the lines go to <paramref name="output"/>.
    /// </summary>
    public static void Replace(ILoggingBuilder logging, Action<JsonConsoleFormatterOptions> configure, BufferedStandardOutput output)
    {
        logging.AddJsonConsole(configure);
        var queued = logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        logging.Services.Remove(queued);
        logging.Services.AddSingleton<ILoggerProvider>(services => new InlineConsoleLoggerProvider(
            services.GetServices<ConsoleFormatter>(), services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>(), output));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        // Nothing of its own: the lines are in the standard output's buffer, which flushes them.
    }

    /// <summary>
    /// The JSON console formatter's line for an entry whose state writes itself (no exception, no scopes): the same
    /// fields in the same order, written with the formatter's own options.
    /// </summary>
    internal static void WriteDirect(TextWriter output, JsonConsoleFormatterOptions options, LogLevel level, string category, int eventId, IJsonLogState state)
    {
        var line = t_direct ??= new DirectLine(options.JsonWriterOptions);
        try
        {
            var writer = line.Writer;
            writer.WriteStartObject();
            if (options.TimestampFormat is { } format)
            {
                writer.WriteString(Names.Timestamp, Timestamps.Format(options.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now, format));
            }

            writer.WriteNumber(Names.EventId, eventId);
            writer.WriteString(Names.LogLevel, LevelName(level));
            writer.WriteString(Names.Category, category);
            int written;
            while (!state.TryFormatMessage(line.Message, out written))
            {
                line.Message = new char[line.Message.Length * 2];
            }

            writer.WriteString(Names.Message, line.Message.AsSpan(0, written));
            writer.WriteStartObject(Names.State);
            state.WriteProperties(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();

            // One call on the synchronized writer, the line end included: lines from several threads never interleave.
            var bytes = line.Bytes.WrittenSpan;
            if (output is BufferedUtf8Writer utf8)
            {
                utf8.WriteLine(bytes);
                return;
            }

            var newLine = Environment.NewLine;
            var chars = line.Chars.Length >= bytes.Length + newLine.Length ? line.Chars : line.Chars = new char[bytes.Length + newLine.Length];
            var count = Encoding.UTF8.GetChars(bytes, chars);
            newLine.CopyTo(chars.AsSpan(count));
            output.Write(chars.AsSpan(0, count + newLine.Length));
        }
        finally
        {
            line.Reset();
            if (line.Bytes.Capacity > KeptLineBytes || line.Chars.Length > KeptLineBytes || line.Message.Length > KeptLineBytes)
            {
                t_direct = null;
            }
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        _ => "Critical",
    };

    private void Write<TState>(in LogEntry<TState> entry)
    {
        if (entry.State is IJsonLogState state && entry.Exception is null && _options.CurrentValue is { IncludeScopes: false, JsonWriterOptions.Indented: false } options)
        {
            WriteDirect(_output.Out, options, entry.LogLevel, entry.Category, entry.EventId.Id, state);
            return;
        }

        var line = t_line ??= new StringWriter(CultureInfo.InvariantCulture);
        var text = line.GetStringBuilder();
        text.Clear();
        _formatter.Write(in entry, _scopes, line);
        if (text.Length > 0)
        {
            // One call on the synchronized writer: lines from several threads never interleave.
            _output.Out.Write(text);
        }

        // A line with a long exception text must not stay referenced by the thread.
        if (text.Capacity > KeptLineBytes)
        {
            t_line = null;
        }
    }

    private sealed class Logger(string category, InlineConsoleLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        // Levels are filtered by the logger factory's rules, as for the console logger.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
            }
        }
    }

    /// <summary>A thread's buffers for direct lines, reused line after line.</summary>
    private sealed class DirectLine
    {
        public DirectLine(JsonWriterOptions options) => Writer = new Utf8JsonWriter(Bytes, options);

        public ArrayBufferWriter<byte> Bytes { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }

        public char[] Message { get; set; } = new char[512];

        public char[] Chars { get; set; } = new char[1024];

        public void Reset()
        {
            Writer.Reset(Bytes);
            Bytes.ResetWrittenCount();
        }
    }

    /// <summary>The formatter's field names, escaped once (plain ASCII: every encoder writes them as they are).</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("Timestamp");
        public static readonly JsonEncodedText EventId = JsonEncodedText.Encode("EventId");
        public static readonly JsonEncodedText LogLevel = JsonEncodedText.Encode("LogLevel");
        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("Category");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("Message");
        public static readonly JsonEncodedText State = JsonEncodedText.Encode("State");
    }
}
