using Hostnet.Core.Semantics.Ports;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Ports;

/// <summary>Ports of TestHostPortInfo_AddRemove and TestHostPortInfo_Check (kube-scheduler framework types_test.go).</summary>
public sealed class HostPortInfoTests
{
    public static TheoryData<string, string[], string[], int> AddRemoveCases() => new()
    {
        {
            "normal add case",
            ["TCP/127.0.0.1/79", "UDP/127.0.0.1/80", "TCP/127.0.0.1/81", "TCP/127.0.0.1/82", "TCP/0.0.0.0/79", "UDP/0.0.0.0/80", "TCP/0.0.0.0/81", "TCP/0.0.0.0/82", "TCP/0.0.0.0/0", "TCP/0.0.0.0/-1"],
            [],
            8
        },
        {
            "empty ip and protocol add should work",
            ["/127.0.0.1/79", "UDP/127.0.0.1/80", "/127.0.0.1/81", "/127.0.0.1/82", "//79", "UDP//80", "//81", "//82", "//0", "//-1"],
            [],
            8
        },
        {
            "normal remove case",
            ["TCP/127.0.0.1/79", "UDP/127.0.0.1/80", "TCP/127.0.0.1/81", "TCP/127.0.0.1/82", "TCP/0.0.0.0/79", "UDP/0.0.0.0/80", "TCP/0.0.0.0/81", "TCP/0.0.0.0/82"],
            ["TCP/127.0.0.1/79", "UDP/127.0.0.1/80", "TCP/127.0.0.1/81", "TCP/127.0.0.1/82", "TCP/0.0.0.0/79", "UDP/0.0.0.0/80", "TCP/0.0.0.0/81", "TCP/0.0.0.0/82"],
            0
        },
        {
            "empty ip and protocol remove should work",
            ["TCP/127.0.0.1/79", "UDP/127.0.0.1/80", "TCP/127.0.0.1/81", "TCP/127.0.0.1/82", "TCP/0.0.0.0/79", "UDP/0.0.0.0/80", "TCP/0.0.0.0/81", "TCP/0.0.0.0/82"],
            ["/127.0.0.1/79", "/127.0.0.1/81", "/127.0.0.1/82", "UDP/127.0.0.1/80", "//79", "//81", "//82", "UDP//80"],
            0
        },
    };

    [Theory]
    [MemberData(nameof(AddRemoveCases))]
    public void AddRemove_UpstreamCases_LeaveTheExpectedCount(string name, string[] added, string[] removed, int count)
    {
        var info = new HostPortInfo();
        foreach (var (protocol, ip, port) in added.Select(Parse))
        {
            info.Add(ip, protocol, port);
        }

        foreach (var (protocol, ip, port) in removed.Select(Parse))
        {
            info.Remove(ip, protocol, port);
        }

        info.Count.ShouldBe(count, name);
    }

    public static TheoryData<string, string[], string, bool> CheckCases() => new()
    {
        { "empty check should check 0.0.0.0 and TCP", ["TCP/127.0.0.1/80"], "//81", false },
        { "empty check should check 0.0.0.0 and TCP (conflicted)", ["TCP/127.0.0.1/80"], "//80", true },
        { "empty port check should pass", ["TCP/127.0.0.1/80"], "//0", false },
        { "0.0.0.0 should check all registered IPs", ["TCP/127.0.0.1/80"], "TCP/0.0.0.0/80", true },
        { "0.0.0.0 with different protocol should be allowed", ["UDP/127.0.0.1/80"], "TCP/0.0.0.0/80", false },
        { "0.0.0.0 with different port should be allowed", ["TCP/127.0.0.1/79", "TCP/127.0.0.1/81", "TCP/127.0.0.1/82"], "TCP/0.0.0.0/80", false },
        { "normal ip should check all registered 0.0.0.0", ["TCP/0.0.0.0/80"], "TCP/127.0.0.1/80", true },
        { "normal ip with different port/protocol should be allowed (0.0.0.0)", ["TCP/0.0.0.0/79", "UDP/0.0.0.0/80", "TCP/0.0.0.0/81", "TCP/0.0.0.0/82"], "TCP/127.0.0.1/80", false },
        { "normal ip with different port/protocol should be allowed", ["TCP/127.0.0.1/79", "UDP/127.0.0.1/80", "TCP/127.0.0.1/81", "TCP/127.0.0.1/82"], "TCP/127.0.0.1/80", false },
    };

    [Theory]
    [MemberData(nameof(CheckCases))]
    public void CheckConflict_UpstreamCases_MatchUpstream(string name, string[] added, string check, bool conflict)
    {
        var info = new HostPortInfo();
        foreach (var (protocol, ip, port) in added.Select(Parse))
        {
            info.Add(ip, protocol, port);
        }

        var (checkProtocol, checkIp, checkPort) = Parse(check);
        info.CheckConflict(checkIp, checkProtocol, checkPort).ShouldBe(conflict, name);
    }

    [Fact]
    public void CheckConflict_Ipv6Unspecified_IsNoWildcard()
    {
        var info = new HostPortInfo();
        info.Add("::", "TCP", 80);

        info.CheckConflict("10.0.0.1", "TCP", 80).ShouldBeFalse();
    }

    [Fact]
    public void Remove_OneOfTwoIdenticalClaims_KeepsThePortUsed()
    {
        var info = new HostPortInfo();
        info.Add("0.0.0.0", "TCP", 80);
        info.Add("0.0.0.0", "TCP", 80);
        info.Remove("0.0.0.0", "TCP", 80);

        info.CheckConflict("0.0.0.0", "TCP", 80).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0.0.0.0", "10.0.0.1", true)]
    [InlineData("::", "10.0.0.1", true)]
    [InlineData("", "10.0.0.1", true)]
    [InlineData("10.0.0.1", "10.0.0.1", true)]
    [InlineData("FE80::1", "fe80::1", true)]
    [InlineData("10.0.0.1", "10.0.0.2", false)]
    [InlineData("127.0.0.1", "::1", false)]
    public void BindsOverlap_AsLinuxBinds_UnlikeTheScheduler(string address, string other, bool overlap)
    {
        HostPortInfo.BindsOverlap(address, other).ShouldBe(overlap);
        HostPortInfo.BindsOverlap(other, address).ShouldBe(overlap);
    }

    [Theory]
    [InlineData("", "", 80, "0.0.0.0", "TCP", 80, true)]
    [InlineData("10.0.0.1", "TCP", 80, "10.0.0.2", "TCP", 80, false)]
    [InlineData("10.0.0.1", "TCP", 80, "", "", 80, true)]
    [InlineData("::", "TCP", 80, "10.0.0.1", "TCP", 80, false)]
    [InlineData("0.0.0.0", "UDP", 80, "0.0.0.0", "TCP", 80, false)]
    [InlineData("0.0.0.0", "TCP", 80, "0.0.0.0", "TCP", 81, false)]
    [InlineData("0.0.0.0", "TCP", 0, "0.0.0.0", "TCP", 0, false)]
    public void Conflict_OfTwoClaims_IsCheckConflictAgainstTheOther(string ip, string protocol, int port, string otherIp, string otherProtocol, int otherPort, bool conflict)
    {
        var recorded = new HostPortInfo();
        recorded.Add(otherIp, otherProtocol, otherPort);

        HostPortInfo.Conflict(ip, protocol, port, otherIp, otherProtocol, otherPort).ShouldBe(conflict);
        recorded.CheckConflict(ip, protocol, port).ShouldBe(conflict);
    }

    /// <summary>"PROTOCOL/IP/PORT" as upstream's node_ports_test newPod writes it; empty parts stay empty.</summary>
    internal static (string Protocol, string Ip, int Port) Parse(string text)
    {
        var parts = text.Split('/');
        return (parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
