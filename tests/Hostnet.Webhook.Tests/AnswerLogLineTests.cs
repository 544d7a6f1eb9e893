using System.Globalization;
using System.Text.RegularExpressions;
using Hostnet.Core.Admission;
using Hostnet.Webhook.Admission;
using Hostnet.Webhook.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// A review's log line, written straight as UTF-8 (<see cref="AnswerLogLine"/>), is the line it was: the JSON console
/// formatter's bytes, and the message, state and event id of the <c>[LoggerMessage]</c> method it replaced.
/// </summary>
public sealed partial class AnswerLogLineTests
{
    private const string Category = "Hostnet.Webhook.Admission.AdmissionHandler";

    public static TheoryData<string, string, double> Lines() => new()
    {
        { "pod-create", "HN030,HN002", 1.2636 },
        // What the formatter's default encoder escapes (quotes, +, <, non-ASCII), and a long message that outgrows the buffers.
        { "u\"1\" <a+b> caf\u00e9 \u4e2d", "add /spec/dnsPolicy", 0.0001 },
        { new string('x', 3000), string.Join(',', Enumerable.Repeat("HN010", 400)), 12345.678901 },
    };

    /// <summary>Elapsed times of every scale a double's shortest text takes: digits, exponents, zero, the extremes.</summary>
    public static TheoryData<double> ElapsedTimes()
    {
        var random = new Random(16);
        var times = new TheoryData<double> { 0, 1, 0.5, 1e-7, 123456789.125, 1e21, 1.5e-300, double.Epsilon, double.MaxValue };
        for (var i = 0; i < 200; i++)
        {
            times.Add(random.NextDouble() * Math.Pow(10, random.Next(-9, 23)));
        }

        return times;
    }

    [Theory]
    [MemberData(nameof(ElapsedTimes))]
    public void DirectLine_AnyElapsedTime_IsTheJsonConsoleFormattersLine(double elapsedMs) =>
        DirectLine_IsTheJsonConsoleFormattersLine("pod-create", "HN030", elapsedMs);

    [Theory]
    [MemberData(nameof(Lines))]
    public void DirectLine_IsTheJsonConsoleFormattersLine(string uid, string findings, double elapsedMs)
    {
        using var services = new ServiceCollection().AddLogging(logging => logging.AddJsonConsole(WebhookServer.JsonLines)).BuildServiceProvider();
        var formatter = services.GetRequiredService<IEnumerable<ConsoleFormatter>>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var options = services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        var line = Line(uid, findings, elapsedMs);

        using var formatted = new StringWriter();
        formatter.Write(new LogEntry<AnswerLogLine>(LogLevel.Information, Category, AnswerLogLine.Id, line, null, AnswerLogLine.Formatter), new LoggerExternalScopeProvider(), formatted);
        using var direct = new StringWriter();
        InlineConsoleLoggerProvider.WriteDirect(direct, options, LogLevel.Information, Category, AnswerLogLine.Id.Id, line);

        direct.ToString().ShouldEndWith(Environment.NewLine);
        WithoutTimestamp(direct.ToString()).ShouldBe(WithoutTimestamp(formatted.ToString()));
        Timestamp().Match(direct.ToString()).Groups[1].Value.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
    }

    /// <param name="decimalSeparator">The current culture's: the generated method formatted in the invariant culture whatever it was.</param>
    [Theory]
    [InlineData(".")]
    [InlineData(",")]
    public void Line_IsWhatTheGeneratedLoggerMessageLogged(string decimalSeparator)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(string.Empty) { NumberFormat = new NumberFormatInfo { NumberDecimalSeparator = decimalSeparator } };
        try
        {
            var generated = new Capture();
            LogAnswered(generated, "validate", "pod-create", "Pod", "monitoring", "agent", "CREATE", true, "Denied", "HN030,HN002", 1.2636);
            var replaced = new Capture();
            var line = Line("pod-create", "HN030,HN002", 1.2636);
            replaced.Log(LogLevel.Information, AnswerLogLine.Id, line, null, AnswerLogLine.Formatter);

            replaced.Message.ShouldBe(generated.Message);
            replaced.Message.ShouldBe($"validate pod-create Pod monitoring/agent CREATE dryRun=True: Denied [HN030,HN002] in 1.2636 ms");
            replaced.EventId.Id.ShouldBe(generated.EventId.Id);
            replaced.EventId.Name.ShouldBe(generated.EventId.Name);
            replaced.State.ShouldBe(generated.State);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void NameOf_EveryVerdict_IsItsEnumName()
    {
        foreach (var verdict in Enum.GetValues<AdmissionVerdict>())
        {
            AnswerLogLine.NameOf(verdict).ShouldBe(verdict.ToString());
        }
    }

    private static AnswerLogLine Line(string uid, string findings, double elapsedMs) =>
        new("validate", uid, "Pod", "monitoring", "agent", "CREATE", true, "Denied", findings, elapsedMs);

    private static string WithoutTimestamp(string line) => Timestamp().Replace(line, "\"Timestamp\":\"…\"");

    [GeneratedRegex("\"Timestamp\":\"([^\"]*)\"")]
    private static partial Regex Timestamp();

    // The method the line replaced, as it was declared in AdmissionHandler.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Endpoint} {Uid} {Kind} {ObjectNamespace}/{Name} {Operation} dryRun={DryRun}: {Verdict} [{Findings}] in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, string endpoint, string uid, string kind, string objectNamespace, string name, string operation, bool dryRun, string verdict, string findings, double elapsedMs);

    /// <summary>Keeps the one entry logged: its message, event id and state's properties.</summary>
    private sealed class Capture : ILogger
    {
        public string Message { get; private set; } = string.Empty;

        public EventId EventId { get; private set; }

        public List<KeyValuePair<string, object?>> State { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Message = formatter(state, exception);
            EventId = eventId;
            State.AddRange((IReadOnlyList<KeyValuePair<string, object?>>)state!);
        }
    }
}
