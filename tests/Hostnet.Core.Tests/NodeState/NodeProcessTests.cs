using Hostnet.Core.NodeState;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.NodeState;

public sealed class NodeProcessTests
{
    [Theory]
    [InlineData("/usr/bin/node_exporter --web.listen-address=:9100", "node_expor", "node_exporter")]
    [InlineData("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "sshd", "sshd")]
    [InlineData("/usr/local/bin/kube-controller-manager --bind-address=127.0.0.1", "kube-controller", "kube-controller-manager")]
    [InlineData("nginx: master process nginx -g daemon off;", "nginx", "nginx")]
    [InlineData("/usr/local/bin/cluster-autoscaler", "cluster-autosca", "cluster-autoscaler")]
    [InlineData("", "kworker/0:1", "kworker/0:1")]
    public void Name_CommandLine_NamesTheProgram(string commandLine, string comm, string name)
    {
        new NodeProcess(1, comm, commandLine, CgroupIdentity.None).Name.ShouldBe(name);
    }

    [Fact]
    public void JoinCommandLine_NulSeparated_JoinsWithSpaces()
    {
        NodeProcess.JoinCommandLine("/usr/bin/python3\0-m\0http.server\0").ShouldBe("/usr/bin/python3 -m http.server");
    }
}
