using Hostnet.Agent.Daemon;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;
using Shouldly;
using Xunit;

namespace Hostnet.Agent.Tests.Daemon;

/// <summary>The DaemonSet's start when no API client can be made: one line saying why, and no endpoints.</summary>
public sealed class AgentHostTests
{
    [Fact]
    public async Task Serve_WithoutAClient_SaysWhyAndStops()
    {
        var output = new StringWriter();
        var options = new AgentDaemonOptions(AgentFixture.Node, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeProvider.System);

        var served = await AgentHost.ServeAsync(
            () => throw new KubeConfigException("no kubeconfig and not in a pod (KUBERNETES_SERVICE_HOST unset)"),
            AgentFixture.AnyLoopbackPort,
            options,
            new ProcFileSystem(AgentFixture.ProcRoot),
            output,
            CancellationToken.None);

        served.ShouldBeFalse();
        output.ToString().ShouldBe("hostnet: no kubeconfig and not in a pod (KUBERNETES_SERVICE_HOST unset)" + Environment.NewLine);
    }

    [Fact]
    public async Task Serve_OtherFailuresOfTheConnection_AreNotSwallowed()
    {
        var options = new AgentDaemonOptions(AgentFixture.Node, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeProvider.System);

        await Should.ThrowAsync<InvalidOperationException>(() => AgentHost.ServeAsync(
            new Func<KubeApiClient>(() => throw new InvalidOperationException("a bug")),
            AgentFixture.AnyLoopbackPort,
            options,
            new ProcFileSystem(AgentFixture.ProcRoot),
            TextWriter.Null,
            CancellationToken.None));
    }
}
