using Hostnet.Kube.Http;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Http;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(2, null, 500)]
    [InlineData(3, null, 1000)]
    [InlineData(5, null, 4000)]
    [InlineData(12, null, 30000)]
    [InlineData(2, 7000, 7000)]
    [InlineData(2, 120000, 30000)]
    public void Delay_BackoffOrRetryAfter_CappedAtMaxDelay(int nextAttempt, int? retryAfterMs, int expectedMs)
    {
        var retryAfter = retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        RetryPolicy.Default.Delay(nextAttempt, retryAfter).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }
}
