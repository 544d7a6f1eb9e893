using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// The messages of the placement rules checked against a snapshot (the rule fixtures with a sibling
/// <c>.cluster.yaml</c>), word for word: what the scheduler engine says about the cluster as it runs.
/// </summary>
public sealed class ClusterRuleMessageTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "HN012-host-port-conflict/fail-held-on-some-nodes", "HN012",
            "host port 8443/TCP is held on 1 of the 3 node(s) its pods could go to by running pods: ingress/ingress-7c9d5-abcde on worker-1; the scheduler places them on the other 2 (worker-2, worker-3) instead"
        },
        {
            "HN013-replicas-exceed-nodes/fail-ports-held-by-running-pods", "HN012",
            "host port 8443/TCP is held on 1 of the 3 node(s) its pods could go to by running pods: ingress/ingress-7c9d5-abcde on worker-1; the scheduler places them on the other 2 (worker-2, worker-3); 1 of its 3 pods find no node with the port free and stay Pending (node(s) didn't have free ports for the requested pod ports)"
        },
        {
            "HN013-replicas-exceed-nodes/fail-ports-held-by-running-pods", "HN013",
            "replicas is 3 but only 2 of the 3 node(s) can take a pod of it and each replica holds host port 8443/TCP on its node: 1 replica(s) stay Pending: \"0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.\""
        },
        {
            "HN015-deployment-surge-host-ports/fail-running-pod-takes-the-spare-node", "HN015",
            "maxSurge 25% (default) and maxUnavailable 25% (default) come to 1 and 0 for 2 replicas, and each replica holds host port 8443/TCP on its node; each of the 2 node(s) that can take a replica runs one, so the surge pod stays Pending (\"0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.\"), no old pod may go, and after progressDeadlineSeconds the rollout fails with ProgressDeadlineExceeded: ReplicaSet \"gateway-<hash>\" has timed out progressing."
        },
        {
            "HN019-daemonset-misses-nodes/fail-pod-pending-where-port-held", "HN019",
            "this host-network DaemonSet's controller creates a pod on every node it selects, but the scheduler cannot place the pod of 1 node(s), which stays Pending: worker-2: \"0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.\""
        },
        {
            "HN019-daemonset-misses-nodes/fail-pod-pending-where-port-held", "HN012",
            "host port 9100/TCP is held on 1 of the 2 node(s) this DaemonSet runs on by running pods: vendor-tools/hw-agent-q9v4m on worker-2; the pods for those nodes stay Pending: \"0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.\""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_AgainstTheSnapshot_SaysWhatTheSchedulerWould(string fixture, string rule, string message)
    {
        var path = Path.Combine(RepositoryPaths.TestData, "rules", fixture);
        var report = Fixtures.Check(File.ReadAllText(path + ".yaml"), cluster: Fixtures.Cluster(File.ReadAllText(path + ".cluster.yaml")));

        report.Diagnostics.Where(d => d.Rule.Id == rule).Select(d => d.Message).ShouldBe([message]);
    }

    [Fact]
    public void Check_WithoutTheSnapshot_TheRunningPodsAreNotThere()
    {
        var path = Path.Combine(RepositoryPaths.TestData, "rules", "HN015-deployment-surge-host-ports", "fail-running-pod-takes-the-spare-node");
        var nodes = string.Concat(Enumerable.Range(1, 3).Select(i => $"apiVersion: v1\nkind: Node\nmetadata: {{name: worker-{i}}}\n---\n"));

        Fixtures.Check(nodes + File.ReadAllText(path + ".yaml")).Diagnostics.ShouldNotContain(d => d.Rule.Id == "HN015" || d.Rule.Id == "HN012");
    }
}
