using System.Collections.Concurrent;

namespace Hostnet.Kube.Tests.Support;

/// <summary>
/// A clock for tests: <see cref="GetUtcNow"/> is set by the test, and timers run a hundred times faster than asked
/// (a 2 s Retry-After waits 20 ms) while recording what was asked, so waits are checked without sleeping.
/// </summary>
internal sealed class FastTimeProvider : TimeProvider
{
    public const int Speed = 100;

    public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);

    public ConcurrentQueue<TimeSpan> Timers { get; } = new();

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Timers.Enqueue(dueTime);
        var scaled = dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime / Speed;
        return System.CreateTimer(callback, state, scaled, period == Timeout.InfiniteTimeSpan ? period : period / Speed);
    }
}
