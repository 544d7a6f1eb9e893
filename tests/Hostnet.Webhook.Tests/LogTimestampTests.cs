using Hostnet.Webhook.Hosting;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>Log lines' timestamps, formatted once per millisecond, are what the formatter's own formatting gives for every line.</summary>
public sealed class LogTimestampTests
{
    [Theory]
    [InlineData("yyyy-MM-ddTHH:mm:ss.fffZ")]
    [InlineData("yyyy-MM-ddTHH:mm:ss.ffffffK")]
    [InlineData("HH:mm:ss zzz")]
    [InlineData("o")]
    public void Format_IsDateTimeOffsetsOwnFormatting_LineAfterLine(string format)
    {
        var timestamp = new LogTimestamp();
        var random = new Random(16);
        var time = new DateTimeOffset(2026, 12, 5, 23, 59, 59, TimeSpan.Zero).AddTicks(9_990_000);
        for (var i = 0; i < 5000; i++)
        {
            // Steps of a few microseconds to a few milliseconds: many lines within one millisecond, and across them,
            // a second, a day and a year; now and then in another offset, at the same instant and not.
            time = time.AddTicks(random.Next(0, 30_000));
            var line = random.Next(10) == 0 ? time.ToOffset(TimeSpan.FromHours(random.Next(-3, 4))) : time;
            var expected = line.ToString(format);

            timestamp.Format(line, format).ToString().ShouldBe(expected);
        }
    }

    /// <summary>One instance serves every logging thread: each gets its own line's time, never another thread's.</summary>
    [Fact]
    public async Task Format_FromManyThreadsAtOnce_IsEachLinesOwnTime()
    {
        var timestamp = new LogTimestamp();
        var start = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
        var wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            var random = new Random(thread);
            for (var i = 0; i < 20_000; i++)
            {
                // Within a few milliseconds of each other, so that threads share some and cross others.
                var line = start.AddTicks(random.Next(0, 50_000));
                var format = random.Next(50) == 0 ? "HH:mm:ss.fff" : "yyyy-MM-ddTHH:mm:ss.fffZ";
                if (timestamp.Format(line, format) != line.ToString(format))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        wrong.ShouldBe(0);
    }

    [Fact]
    public void Format_AnotherFormat_IsNotServedTheLastOnesText()
    {
        var timestamp = new LogTimestamp();
        var time = new DateTimeOffset(2026, 12, 5, 22, 0, 0, 123, TimeSpan.Zero);

        timestamp.Format(time, "yyyy-MM-ddTHH:mm:ss.fffZ").ToString().ShouldBe("2026-12-05T22:00:00.123Z");
        timestamp.Format(time, "HH:mm").ToString().ShouldBe("22:00");
    }
}
