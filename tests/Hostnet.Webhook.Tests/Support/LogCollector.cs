using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hostnet.Webhook.Tests.Support;

/// <summary>Keeps every log line of a server in memory: "Level Category: message", and each entry whole.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The entries with what a line leaves out: the event id and the exception (a console logger prints its stack trace).</summary>
    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
            owner._entries.Enqueue(new LogEntry(logLevel, category, eventId, exception));
        }
    }
}

internal sealed record LogEntry(LogLevel Level, string Category, EventId EventId, Exception? Exception);
