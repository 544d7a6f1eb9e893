namespace Hostnet.NetBench.Datapath;

/// <summary>The TCP ports the bench's servers listen on.</summary>
internal static class BenchPorts
{
    /// <summary>iperf3's default port.</summary>
    public const int Iperf3 = 5201;

    /// <summary>hostnet's own stream and request/response server (<c>hostnet bench serve</c>).</summary>
    public const int Hostnet = 5202;
}
