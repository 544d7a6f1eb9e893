using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// The console logger's JSON lines, byte for byte (its own <c>json</c> formatter and options), written on the thread
/// that logs into the buffered standard output (<see cref="BufferedStandardOutput"/>). The console logger hands every
/// line to a queue and wakes its writer thread for it: a thread wake per review, a large share of a review's CPU at a
/// fixed rate (bench/RESULTS.md, P3). Here a line costs its formatting and one short lock.
/// </summary>
internal sealed class InlineConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    [ThreadStatic]
    private static StringWriter? t_line;

    private readonly ConsoleFormatter _formatter;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public InlineConsoleLoggerProvider(IEnumerable<ConsoleFormatter> formatters) =>
        _formatter = formatters.Single(f => f.Name == ConsoleFormatterNames.Json);

    /// <summary>
    /// The JSON console logger (<c>AddJsonConsole</c>) with this provider in place of the console logger's provider:
    /// the formatter and its options stay as configured.
    /// </summary>
    public static void Replace(ILoggingBuilder logging, Action<JsonConsoleFormatterOptions> configure)
    {
        logging.AddJsonConsole(configure);
        var queued = logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        logging.Services.Remove(queued);
        logging.Services.AddSingleton<ILoggerProvider, InlineConsoleLoggerProvider>();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        // Nothing of its own: the lines are in the standard output's buffer, which flushes them.
    }

    private void Write<TState>(in LogEntry<TState> entry)
    {
        var line = t_line ??= new StringWriter(CultureInfo.InvariantCulture);
        var text = line.GetStringBuilder();
        text.Clear();
        _formatter.Write(in entry, _scopes, line);
        if (text.Length > 0)
        {
            // One call on the synchronized writer: lines from several threads never interleave.
            Console.Out.Write(text);
        }

        // A line with a long exception text must not stay referenced by the thread.
        if (text.Capacity > 16 * 1024)
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
}
