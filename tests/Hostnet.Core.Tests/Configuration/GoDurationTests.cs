using Hostnet.Core.Configuration;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Configuration;

/// <summary>
/// The one duration grammar, read two ways: kubectl's <c>--request-timeout</c> (client-go tools/clientcmd ParseTimeout,
/// Go time.ParseDuration) and the bench's <c>--duration</c> (seconds or a Go duration, longer than zero).
/// </summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("5s", 5_000)]
    [InlineData("1m", 60_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("+2s", 2_000)]
    [InlineData("1m0.5s", 60_500)]
    public void ParseTimeout_KubectlForms_GiveTheDuration(string text, int milliseconds) =>
        GoDuration.ParseTimeout(text).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("0m")]
    public void ParseTimeout_Zero_MeansNoTimeout(string text) =>
        GoDuration.ParseTimeout(text).ShouldBe(Timeout.InfiniteTimeSpan);

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1d")]
    [InlineData("5 s")]
    [InlineData("-1")]
    [InlineData("-5s")]
    [InlineData(".s")]
    [InlineData("99999999999999999999h")]
    public void ParseTimeout_WhatKubectlRefusesOrNegative_IsNull(string text) =>
        GoDuration.ParseTimeout(text).ShouldBeNull();

    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("3", 3_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("1m30s", 90_000)]
    public void ParseRunTime_BenchForms_GiveTheDuration(string text, double milliseconds) =>
        GoDuration.ParseRunTime(text)!.Value.TotalMilliseconds.ShouldBe(milliseconds);

    // "0" is no timeout to kubectl, but a test that runs no time measures nothing.
    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("0")]
    [InlineData("-1s")]
    [InlineData("ten")]
    [InlineData("1ns")]
    [InlineData("99999999999999999999")]
    public void ParseRunTime_ZeroNegativeOrNotADuration_IsNull(string text) =>
        GoDuration.ParseRunTime(text).ShouldBeNull();

    // The bench writes its client's --duration with Format; the client reads it back with ParseRunTime.
    [Theory]
    [InlineData(10_000)]
    [InlineData(500)]
    [InlineData(1_500)]
    public void Format_ReadBack_GivesTheSameDuration(int milliseconds) =>
        GoDuration.ParseRunTime(GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds))).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
}
