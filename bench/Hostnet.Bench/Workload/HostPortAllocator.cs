namespace Hostnet.Bench.Workload;

/// <summary>
/// Hands out host ports as a real estate does: mostly unique per workload from a team range, a few well-known
/// ports (which collide and which the node owns), and a small share that reuses an earlier port by mistake.
/// </summary>
internal sealed class HostPortAllocator(Random random)
{
    private static readonly int[] WellKnown = [80, 443, 53, 8080, 9100, 9090, 10250, 8443];

    private readonly List<int> _handedOut = [];
    private int _next = 40_000;

    public int Next()
    {
        var roll = random.NextDouble();
        int port;
        if (roll < 0.01)
        {
            port = WellKnown[random.Next(WellKnown.Length)];
        }
        else if (roll < 0.04 && _handedOut.Count > 0)
        {
            port = _handedOut[random.Next(_handedOut.Count)];
        }
        else
        {
            port = _next;
            _next = _next >= 65_000 ? 40_000 : _next + 1;
        }

        _handedOut.Add(port);
        return port;
    }
}
