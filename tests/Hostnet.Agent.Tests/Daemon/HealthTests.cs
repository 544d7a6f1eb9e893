using System.Net;
using Hostnet.Agent.Daemon;
using Hostnet.Core.NodeState;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Agent.Tests.Daemon;

/// <summary>
/// <c>/healthz</c> on Kestrel on loopback answers 200 while the scan loop runs and completes scans, and 503 with the
/// reason when the loop died on an error it did not expect, or when no scan completed for three intervals (at least a
/// minute, on the test's clock).
/// </summary>
public sealed class HealthTests : IAsyncDisposable
{
    private readonly FastTimeProvider _clock = new();
    private readonly NodePodStore _pods = new();
    private readonly StringWriter _log = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly NodeScanner _recorded = new(new ProcFileSystem(AgentFixture.ProcRoot));
    private AgentServer? _server;
    private HttpClient? _http;

    [Fact]
    public async Task Healthz_ScanLoopDies_Answers503WithTheReason()
    {
        var die = false;
        var scans = 0;
        var (daemon, http) = await StartAsync(() =>
        {
            Interlocked.Increment(ref scans);
            return Volatile.Read(ref die) ? throw new InvalidOperationException("a bug in a rule") : _recorded.Scan();
        });
        var running = daemon.RunAsync(_stop.Token);
        await AgentFixture.Until(() => daemon.IsReady);
        (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);

        Volatile.Write(ref die, true);
        await running.WaitAsync(AgentFixture.Patience);

        var answer = await http.GetAsync("/healthz");
        answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await answer.Content.ReadAsStringAsync()).ShouldBe("the scan loop stopped: InvalidOperationException: a bug in a rule\n");
        _log.ToString().ShouldContain("hostnet agent: the scan loop of node node-a stopped on an unexpected error; /healthz fails from now on");
        (await http.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK, "it did scan; liveness, not readiness, says it stopped");
    }

    [Fact]
    public async Task Healthz_NoScanCompletedForThreeIntervals_Answers503UntilOneDoes()
    {
        using var gate = new SemaphoreSlim(0);
        var entered = 0;
        var (daemon, http) = await StartAsync(() =>
        {
            // The second scan hangs (a stuck read of /proc) until the test lets it go.
            if (Interlocked.Increment(ref entered) == 2)
            {
                gate.Wait(AgentFixture.Patience);
            }

            return _recorded.Scan();
        }, interval: TimeSpan.FromMilliseconds(50));
        _ = daemon.RunAsync(_stop.Token);
        await AgentFixture.Until(() => Volatile.Read(ref entered) == 2);
        (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK, "a scan completed just now");

        _clock.Now += AgentDaemon.MinimumStaleAfter - TimeSpan.FromSeconds(1);
        (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK, "three intervals of 50 ms are less than the minimum of a minute");
        _clock.Now += TimeSpan.FromSeconds(2);
        var answer = await http.GetAsync("/healthz");
        answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await answer.Content.ReadAsStringAsync()).ShouldBe("no scan completed for 61s (more than 60s)\n");

        gate.Release();
        await AgentFixture.Until(() => Volatile.Read(ref entered) >= 3);
        (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK, "the stuck scan completed");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _http?.Dispose();
        _stop.Dispose();
    }

    private async Task<(AgentDaemon Daemon, HttpClient Http)> StartAsync(Func<NodeScan> scan, TimeSpan? interval = null)
    {
        _pods.Replace([]);
        var metrics = new AgentMetrics();
        var daemon = new AgentDaemon(scan, _pods, new AgentDaemonOptions(AgentFixture.Node, interval ?? TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(60), _clock), metrics, null, TextWriter.Synchronized(_log));
        _server = await AgentServer.StartAsync(AgentFixture.AnyLoopbackPort, daemon, metrics, CancellationToken.None);
        _http = new HttpClient { BaseAddress = _server.Url };
        return (daemon, _http);
    }
}
