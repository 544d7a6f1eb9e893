using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class DnsCommandTests : IDisposable
{
    private const string HostNetworkDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: agent
          namespace: ops
        spec:
          template:
            spec:
              hostNetwork: true
              dnsPolicy: ClusterFirstWithHostNet
              dnsConfig:
                searches: [corp.example]
                options:
                  - name: ndots
                    value: "2"
              containers:
                - name: agent
                  image: registry.example.com/agent:1.0
        """;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Dns_HostNetworkClusterFirst_PrintsTheNodesFileAndWhy()
    {
        var result = _sandbox.Run("dns", "--host-network");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("search example.internal\nnameserver 10.0.0.2\n");
        result.Error.ShouldContain("silently falls back to the node's resolver");
        result.Error.ShouldContain("give yours with --resolv-conf FILE");
    }

    [Fact]
    public void Dns_ClusterFirstWithHostNet_GetsClusterDns()
    {
        var result = _sandbox.Run("dns", "--host-network", "--dns-policy", "ClusterFirstWithHostNet", "--namespace", "ops");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("search ops.svc.cluster.local svc.cluster.local cluster.local example.internal\nnameserver 10.96.0.10\noptions ndots:5\n");
    }

    [Fact]
    public void Dns_WorkloadFile_UsesItsNamespaceAndDnsConfig()
    {
        _sandbox.Write("agent.yaml", HostNetworkDeployment);
        _sandbox.Write("node-resolv.conf", "nameserver 192.0.2.53\nsearch lan\noptions edns0\n");

        var result = _sandbox.Run("dns", "agent.yaml", "--resolv-conf", "node-resolv.conf", "--cluster-dns", "10.43.0.10");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("search ops.svc.cluster.local svc.cluster.local cluster.local lan corp.example\nnameserver 10.43.0.10\noptions ndots:2\n");
        result.Error.ShouldStartWith("# Deployment/agent in namespace ops\n");
        result.Error.ShouldNotContain("--resolv-conf FILE");
    }

    [Fact]
    public void Dns_Json_HasTheDocumentedFields()
    {
        var result = _sandbox.Run("dns", "--dns-policy", "Default", "--nameserver", "192.0.2.1", "--nameserver", "192.0.2.2", "--nameserver", "192.0.2.3", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("\"policyApplied\": \"Default\"");
        result.Output.ShouldContain("\"nameservers\": [\n    \"10.0.0.2\",\n    \"192.0.2.1\",\n    \"192.0.2.2\"\n  ]");
        result.Output.ShouldContain("\"reason\": \"DNSConfigForming\"");
        result.Output.ShouldContain("the applied nameserver line is: 10.0.0.2 192.0.2.1 192.0.2.2");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Dns_NoClusterDns_FallsBackWithMissingClusterDnsWarning()
    {
        var result = _sandbox.Run("dns", "--cluster-dns", "");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("search example.internal\nnameserver 10.0.0.2\n");
        result.Error.ShouldContain("# Warning  MissingClusterDNS  (Node)  kubelet does not have ClusterDNS IP configured");
    }

    [Fact]
    public void Dns_EmptyResolvConf_UsesLocalhost()
    {
        var result = _sandbox.Run("dns", "--dns-policy", "Default", "--resolv-conf", "");

        result.Output.ShouldBe("search .\nnameserver 127.0.0.1\n");
    }

    [Fact]
    public void Dns_MisspeltPolicy_IsRejectedByTheApi()
    {
        var result = _sandbox.Run("dns", "--dns-policy", "ClusterFirstWithHostNetwork");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain("spec.dnsPolicy: Unsupported value: \"ClusterFirstWithHostNetwork\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"");
        result.Error.ShouldContain("Did you mean dnsPolicy: ClusterFirstWithHostNet?");
    }

    [Fact]
    public void Dns_NoneWithoutDnsConfig_IsRejectedWithTheApisMessage()
    {
        _sandbox.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  dnsPolicy: None\n  containers: [{name: a, image: a}]\n");

        var result = _sandbox.Run("dns", "pod.yaml");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None");
    }

    [Fact]
    public void Dns_UnparsableResolvConf_NoPodStarts()
    {
        _sandbox.Write("bad.conf", "nameserver\n");

        var result = _sandbox.Run("dns", "--resolv-conf", "bad.conf");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("CreatePodSandboxError");
    }

    [Fact]
    public void Dns_SeveralWorkloads_AsksForName()
    {
        _sandbox.Write("two.yaml", HostNetworkDeployment + "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: a}]\n");

        var ambiguous = _sandbox.Run("dns", "two.yaml");
        var chosen = _sandbox.Run("dns", "two.yaml", "--name", "p");

        ambiguous.ExitCode.ShouldBe(2);
        ambiguous.Error.ShouldBe("hostnet: two.yaml has 2 workloads (Deployment/agent, Pod/p); choose one with --name\n");
        chosen.ExitCode.ShouldBe(0, chosen.ToString());
        chosen.Output.ShouldStartWith("search default.svc.cluster.local");
    }

    [Fact]
    public void Dns_NamespaceMismatch_IsRefusedAsKubectlDoes()
    {
        _sandbox.Write("agent.yaml", HostNetworkDeployment);

        var result = _sandbox.Run("dns", "agent.yaml", "-n", "web");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("hostnet: the namespace from the provided object \"ops\" does not match the namespace \"web\". You must pass '--namespace=ops' to perform this operation.\n");
    }

    [Fact]
    public void Dns_FileAndPodFlags_IsAUsageError()
    {
        _sandbox.Write("agent.yaml", HostNetworkDeployment);

        var result = _sandbox.Run("dns", "agent.yaml", "--host-network");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--host-network describe a pod without FILE");
    }

    [Fact]
    public void Dns_HostnameOnHostNetwork_SaysItIsTheNodes()
    {
        var result = _sandbox.Run("dns", "--host-network", "--hostname", "db-0", "--subdomain", "db");

        result.Error.ShouldContain("the container's hostname is the node's");
    }
    [Fact]
    public void Dns_PodNetworkWithSubdomain_EndsWithTheHostnameAndHostsFile()
    {
        var result = _sandbox.Run("dns", "--hostname", "db-0", "--subdomain", "db", "-n", "data");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldEndWith(
            "# Hostname: db-0 (hostname -f: db-0.db.data.svc.cluster.local)\n"
            + "# /etc/hosts, as the kubelet writes it (<pod-ip> is the pod's IP):\n"
            + "#   # Kubernetes-managed hosts file.\n"
            + "#   127.0.0.1\tlocalhost\n"
            + "#   ::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "#   fe00::0\tip6-localnet\n"
            + "#   fe00::0\tip6-mcastprefix\n"
            + "#   fe00::1\tip6-allnodes\n"
            + "#   fe00::2\tip6-allrouters\n"
            + "#   <pod-ip>\tdb-0.db.data.svc.cluster.local\tdb-0\n");
    }

    [Fact]
    public void Dns_HostNetworkStatefulSet_GetsTheNodesHostsFileWithItsAliases()
    {
        _sandbox.Write("kafka.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: kafka, namespace: data}
            spec:
              serviceName: kafka
              selector: {matchLabels: {app: kafka}}
              template:
                metadata: {labels: {app: kafka}}
                spec:
                  hostNetwork: true
                  dnsPolicy: ClusterFirstWithHostNet
                  subdomain: kafka
                  hostAliases: [{ip: 192.0.2.10, hostnames: [zk-0, zk]}]
                  containers: [{name: kafka, image: kafka:3}]
            """);

        var result = _sandbox.Run("dns", "kafka.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldEndWith(
            "# Hostname: the node's\n"
            + "# /etc/hosts, as the kubelet writes it from the node's own when the pod starts:\n"
            + "#   # Kubernetes-managed hosts file (host network).\n"
            + "#   <the node's /etc/hosts>\n"
            + "#\n"
            + "#   # Entries added by HostAliases.\n"
            + "#   192.0.2.10\tzk-0\tzk\n");
    }

    [Fact]
    public void Dns_FqdnTooLongForTheKernel_NoSandboxAndExitOne()
    {
        _sandbox.Write("web.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: a-rather-long-pod-name-for-a-web-server, namespace: shop}
            spec:
              subdomain: frontend
              setHostnameAsFQDN: true
              containers: [{name: web, image: nginx}]
            """);

        var result = _sandbox.Run("dns", "web.yaml");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("# Hostname: none, no sandbox starts: failed to construct FQDN from pod hostname and cluster domain, FQDN a-rather-long-pod-name-for-a-web-server.frontend.shop.svc.cluster.local is too long (64 characters is the max, 71 characters requested)\n");
    }

    [Fact]
    public void Dns_JsonForClusterFirstWithHostNet_IsTheDocumentedShape()
    {
        var result = _sandbox.Run("dns", "--host-network", "--dns-policy", "ClusterFirstWithHostNet", "-n", "ops", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe(""""
        {
          "workload": null,
          "namespace": "ops",
          "dnsPolicy": "ClusterFirstWithHostNet",
          "hostNetwork": true,
          "policyApplied": "ClusterFirstWithHostNet",
          "nameservers": [
            "10.96.0.10"
          ],
          "searches": [
            "ops.svc.cluster.local",
            "svc.cluster.local",
            "cluster.local",
            "example.internal"
          ],
          "options": [
            "ndots:5"
          ],
          "resolvConf": "search ops.svc.cluster.local svc.cluster.local cluster.local example.internal\nnameserver 10.96.0.10\noptions ndots:5\n",
          "warnings": [],
          "apiErrors": [],
          "error": null,
          "explanation": [
            "dnsPolicy ClusterFirstWithHostNet gives a host-network pod the cluster's DNS, so Service names such as kubernetes.default.svc resolve: the cluster DNS server (10.96.0.10) is the only nameserver, the search list starts with the pod's namespace and the cluster domain, then the node's search paths, and the options are ndots:5 (the node's nameservers and options are dropped)."
          ],
          "hostname": null,
          "fqdn": null,
          "etcHosts": "# Kubernetes-managed hosts file (host network).\n<the node's /etc/hosts>\n",
          "sandboxError": null
        }

        """");
    }

    [Fact]
    public void Dns_LegacyVersion_CutsTheSearchLineAtSixPaths()
    {
        var result = _sandbox.Run("dns", "--search", "a.example", "--search", "b.example", "--search", "c.example", "--kube-version", "1.25");

        result.Output.ShouldStartWith("search default.svc.cluster.local svc.cluster.local cluster.local example.internal a.example b.example\n");
        result.Error.ShouldContain("# Warning  DNSConfigForming  (Pod)  Search Line limits were exceeded, some search paths have been omitted, the applied search line is: default.svc.cluster.local svc.cluster.local cluster.local example.internal a.example b.example");
    }
}
