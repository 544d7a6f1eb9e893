using Hostnet.Core.Audit;
using Hostnet.Core.Diagnostics;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

public sealed class AuditorTests
{
    private static readonly AuditReport Cluster = AuditFixtures.Audit("cluster.yaml");

    private static AuditFinding Observed(string rule, string subject) =>
        Cluster.Findings.Single(f => f.Observed && f.Diagnostic.Rule.Id == rule && f.Diagnostic.Object!.ToString() == subject);

    [Fact]
    public void PendingPod_QuotesTheSchedulerAndNamesWhoHoldsThePort()
    {
        var finding = Observed("HN012", "Pod/monitoring/node-exporter-q9m4z").Diagnostic;

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldStartWith("Pod monitoring/node-exporter-q9m4z of DaemonSet/node-exporter is Pending: \"0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, ");
        finding.Message.ShouldEndWith("; 9100/TCP is held on 2 nodes by DaemonSet/node-exporter itself, Pod/metrics-proxy");
        finding.Position.Line.ShouldBe(170);
    }

    [Fact]
    public void PendingReplica_WhoseOwnPodsHoldThePorts_IsTooManyReplicas()
    {
        Observed("HN013", "Pod/ingress/ingress-nginx-7c9f8d6b5-klmno").Diagnostic.Message
            .ShouldEndWith("80/TCP is held on 2 nodes by Deployment/ingress-nginx itself; 443/TCP is held on 2 nodes by Deployment/ingress-nginx itself");
    }

    [Fact]
    public void UndeclaredListener_OnAPortAnotherPodDeclares_IsAClashNow()
    {
        var finding = Observed("HN012", "Pod/default/debug-shell").Diagnostic;

        finding.Message.ShouldStartWith("host port 9100/TCP is held twice on node-1: by Pod monitoring/node-exporter-x7k2p of DaemonSet/node-exporter (declared) and by Pod default/debug-shell (not declared: --web.listen-address=:9100 in container exporter)");
    }

    [Fact]
    public void StuckDeployment_QuotesItsProgressingCondition()
    {
        Observed("HN015", "Deployment/ingress/ingress-nginx").Diagnostic.Message.ShouldBe(
            "the rollout is stuck: Progressing is False (ProgressDeadlineExceeded): \"ReplicaSet \"ingress-nginx-7c9f8d6b5\" has timed out progressing.\"; 1 of 2 replicas updated; 1 new pod is Pending for host ports");
    }

    [Fact]
    public void DaemonSet_MissingFromANodeItSelects_NamesTheNode()
    {
        Observed("HN019", "DaemonSet/monitoring/node-exporter").Diagnostic.Message.ShouldBe(
            "runs on 1 of the 2 nodes it should run on (its status: 2 desired, 1 available): none on node-2; 1 pod of it is Pending");
    }

    [Fact]
    public void ListenerOnAServicesNodePort_IsAnError()
    {
        var finding = Observed("HN017", "Pod/logging/log-shipper-r2d2c").Diagnostic;

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain("which Service ingress/ingress-nginx holds as its nodePort");
    }

    [Fact]
    public void Inventory_SaysDnsPrivilegesPodSecurityServicesAndPolicies()
    {
        var exporter = Cluster.Inventory.Single(e => e.Owner.Name == "node-exporter");
        exporter.Ports.ShouldBe(["9100/TCP"]);
        exporter.DnsPolicy.ShouldBe("ClusterFirstWithHostNet (cluster DNS)");
        exporter.Privileges.ShouldBe(["hostPID"]);
        exporter.PodSecurity.ToString().ShouldBe("privileged");
        exporter.Services.ShouldBe(["node-exporter"]);
        exporter.NetworkPolicies.ShouldBe(["deny-<script>alert(1)</script>"]);
        exporter.Nodes.ShouldBe(1);

        var shipper = Cluster.Inventory.Single(e => e.Owner.Name == "log-shipper");
        shipper.Ports.ShouldBe(["31080/TCP inferred"]);
        shipper.DnsPolicy.ShouldBe("ClusterFirst (node resolver)");
        shipper.PodSecurity.ToString().ShouldBe("privileged (namespace not in snapshot)");
        Cluster.Inventory.Single(e => e.Owner.Name == "ingress-nginx").PodSecurity.ToString().ShouldBe("enforce privileged, audit privileged, warn baseline");
    }

    [Fact]
    public void Picture_DrawsPodPortsPerNodeWithTheClash()
    {
        var picture = Cluster.Picture;

        picture.Columns.Select(c => c.ToString()).ShouldBe(["80/TCP", "443/TCP", "9100/TCP", "31080/TCP"]);
        picture.Rows.Select(r => string.Join(",", r.Nodes)).ShouldBe(["cp-1", "node-1", "node-2"]);
        var node1 = picture.Rows[1].Cells;
        node1[2].ShouldNotBeNull().Clash.ShouldBeTrue();
        node1[2]!.Holders.ShouldBe(["default/Pod/debug-shell", "monitoring/DaemonSet/node-exporter"]);
        picture.Rows[2].Cells[2].ShouldNotBeNull().Clash.ShouldBeFalse();
        picture.Rows[0].Cells.ShouldAllBe(c => c == null);
    }

    [Fact]
    public void Picture_GroupsNodesWithTheSameCells()
    {
        var report = AuditFixtures.Audit("healthy.yaml");

        report.Picture.Rows.ShouldHaveSingleItem().Nodes.ShouldBe(["node-1", "node-2"]);
        report.Findings.ShouldBeEmpty();
    }
}
