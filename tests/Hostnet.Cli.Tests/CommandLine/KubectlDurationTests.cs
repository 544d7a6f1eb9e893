using Hostnet.Cli.Commands;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>--request-timeout as kubectl takes it (client-go tools/clientcmd ParseTimeout, Go time.ParseDuration).</summary>
public sealed class KubectlDurationTests
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
    public void Parse_KubectlForms_GiveTheDuration(string text, int milliseconds) =>
        KubectlDuration.Parse(text).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("0m")]
    public void Parse_Zero_MeansNoTimeout(string text) =>
        KubectlDuration.Parse(text).ShouldBe(Timeout.InfiniteTimeSpan);

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
    public void Parse_WhatKubectlRefusesOrNegative_IsNull(string text) =>
        KubectlDuration.Parse(text).ShouldBeNull();
}
