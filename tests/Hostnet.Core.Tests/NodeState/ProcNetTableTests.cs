using Hostnet.Core.NodeState;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.NodeState;

/// <summary>Lines as the kernel prints them (recorded on a 6.x kernel), one per row: what <see cref="ProcNetTable"/> reads.</summary>
public sealed class ProcNetTableTests
{
    private const string TcpHeader = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    [Theory]
    [InlineData("TCP", "   0: 0100007F:9C3D 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 124028 1 00000000292e9b1c 100 0 0 10 0", "127.0.0.1", 39997, 124028UL)]
    [InlineData("TCP", "   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1272 1 00000000910b1347 100 0 0 10 0", "0.0.0.0", 2024, 1272UL)]
    [InlineData("TCP", "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5511 1 0000000000000000 100 0 0 10 0", "::", 8080, 5511UL)]
    [InlineData("TCP", "   0: 00000000000000000000000001000000:2382 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 77 1 0000000000000000 100 0 0 10 0", "::1", 9090, 77UL)]
    [InlineData("TCP", "   0: 0000000000000000FFFF00000100007F:9944 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0 100 0 0 10 0", "::ffff:127.0.0.1", 39236, 99UL)]
    [InlineData("TCP", "   0: B80D0120000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12 1 0 100 0 0 10 0", "2001:db8::1", 80, 12UL)]
    [InlineData("UDP", "  512: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 20501 2 0000000000000000 0", "127.0.0.53", 53, 20501UL)]
    [InlineData("UDP", "  100: 00000000000000000000000000000000:0202 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3030 2 0000000000000000 0", "::", 514, 3030UL)]
    public void Parse_WaitingSocket_ReadsAddressPortAndInode(string protocol, string line, string address, int port, ulong inode)
    {
        var sockets = ProcNetTable.Parse(TcpHeader + line + "\n", protocol);

        sockets.ShouldBe([new NodeSocket(protocol, address, port, inode)]);
    }

    [Theory]
    [InlineData("TCP", "   2: 0100007F:9C3D 0100007F:9944 01 00000000:00000000 00:00000000 00000000     0        0 124218 1 00000000fdbf1cbe 20 8 4 13 -1")]
    [InlineData("TCP", "   3: 0100007F:9C3D 0100007F:9944 06 00000000:00000000 03:00001234 00000000     0        0 0 3 0000000000000000")]
    [InlineData("UDP", "  513: 0F02000A:A1B2 08080808:0035 01 00000000:00000000 00:00000000 00000000     0        0 3031 2 0000000000000000 0")]
    [InlineData("TCP", "   4: garbage")]
    [InlineData("TCP", "")]
    public void Parse_ConnectedOrUnreadableLine_IsSkipped(string protocol, string line)
    {
        ProcNetTable.Parse(TcpHeader + line + "\n", protocol).ShouldBeEmpty();
    }
}
