using Hostnet.NetBench.Results;
using Shouldly;

namespace Hostnet.NetBench.Tests;

public sealed class Iperf3OutputTests
{
    private static string TestData(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", name));

    // Recorded from Debian 12's iperf3 3.12 between two network namespaces on this project's CI machine.
    [Fact]
    public void Parse_ClientJson_ReceivedRateAndBothEndsCpu()
    {
        var output = Iperf3Output.Parse(TestData("iperf3-client.json"));

        output.ReceivedBitsPerSecond.ShouldBe(3869516855.480384);
        output.HostCpuPercent.ShouldBe(11.717660399126048);
        output.RemoteCpuPercent.ShouldBe(11.294825702882932);
        output.Gbps.ShouldBe(3.8695, 0.0001);
        output.CpuCores.ShouldBe(0.2301, 0.0001);
    }

    [Fact]
    public void Parse_FailedRun_ThrowsWithIperf3sMessage() =>
        Should.Throw<FormatException>(() => Iperf3Output.Parse(TestData("iperf3-refused.json")))
            .Message.ShouldBe("iperf3: unable to connect to server: Connection refused");

    [Theory]
    [InlineData("{}", "iperf3 output has no 'end'")]
    [InlineData("{\"end\": {\"sum_received\": {}}}", "iperf3 output has no 'cpu_utilization_percent'")]
    public void Parse_MissingMembers_ThrowsNamingThem(string json, string message) =>
        Should.Throw<FormatException>(() => Iperf3Output.Parse(json)).Message.ShouldBe(message);
}
