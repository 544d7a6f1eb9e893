using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// The exact messages of the section A rules (RULES.md), table-driven: a kind, a pod spec in YAML flow style, a
/// Kubernetes version, and the rule's messages joined by newlines (empty: the rule stays silent).
/// </summary>
public sealed class ApiRuleMessageTests
{
    private const string Latest = "1.37";
    private const string C = "containers: [{name: a, image: x, ";
    private const string Host = "{hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet, ";
    private const string Dup = "containers: [{name: a, image: x, ports: [{containerPort: 8080}]}, {name: b, image: x, ports: [{containerPort: 8080}]}]}";

    [Theory]
    [InlineData("Pod", Host + C + "ports: [{containerPort: 80, hostPort: 8080}]}]}", Latest, "spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true")]
    [InlineData("Deployment", Host + C + "ports: [{containerPort: 80}, {containerPort: 443, hostPort: 8443}]}]}", Latest, "spec.template.spec.containers[0].ports[1].hostPort: Invalid value: 8443: must match `containerPort` when `hostNetwork` is true")]
    [InlineData("CronJob", Host + C + "ports: [{containerPort: 80, hostPort: 8080}]}]}", Latest, "spec.jobTemplate.spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true")]
    [InlineData("Deployment", Host + C + "ports: [{containerPort: 80, hostPort: 8080}]}]}", "1.27", "spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true")]
    [InlineData("Pod", Host + C + "ports: [{containerPort: 80}]}]}", Latest, "")]
    [InlineData("Deployment", Host + C + "ports: [{containerPort: 80, hostPort: 0}]}]}", Latest, "")]
    [InlineData("Deployment", Host + C + "ports: [{containerPort: 80}]}]}", "1.27", "")]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 80, hostPort: 8080}]}]}", Latest, "")]
    [InlineData("Pod", Host + "initContainers: [{name: i, image: x, ports: [{containerPort: 80, hostPort: 8080}]}], " + C + "ports: [{containerPort: 81}]}]}", Latest, "")]
    public void HostPortMismatch_Messages(string kind, string spec, string version, string expected) =>
        Messages("HN002", kind, spec, version).ShouldBe(expected);

    [Theory]
    [InlineData("Pod", Host + Dup, Latest, """spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080" """)]
    [InlineData("Deployment", Host + Dup, "1.27", """spec.template.spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080" """)]
    [InlineData("Deployment", Host + Dup, "1.28", """Pods created from this template are rejected: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080" (on the host network each Pod's hostPort is filled in from containerPort; the controller reports FailedCreate and no pod starts)""")]
    [InlineData("CronJob", Host + Dup, Latest, """Pods created from this template are rejected: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080" (on the host network each Pod's hostPort is filled in from containerPort; the controller reports FailedCreate and no pod starts)""")]
    [InlineData("Deployment", "{" + C + "ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 80}]}]}", Latest, """spec.template.spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//80" """)]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}, {containerPort: 81, hostPort: 80, hostIP: 10.0.0.1}]}]}", Latest, """spec.containers[0].ports[1].hostPort: Duplicate value: "TCP/10.0.0.1/80" """)]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 53, hostPort: 53, protocol: UDP}, {containerPort: 54, hostPort: 53, protocol: UDP}, {containerPort: 55, hostPort: 53, protocol: UDP}]}]}", Latest, "spec.containers[0].ports[1].hostPort: Duplicate value: \"UDP//53\"\nspec.containers[0].ports[2].hostPort: Duplicate value: \"UDP//53\"")]
    [InlineData("Pod", "{initContainers: [{name: i, image: x}, {name: j, image: x, ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 80}]}], " + C + "ports: [{containerPort: 80, hostPort: 80}]}]}", Latest, """spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//80" """)]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 80, hostIP: 0.0.0.0}, {containerPort: 82, hostPort: 80, protocol: UDP}]}]}", Latest, "")]
    [InlineData("Pod", "{" + Dup, Latest, "")]
    [InlineData("Pod", Host + "initContainers: [{name: i, image: x, ports: [{containerPort: 8080}]}], " + C + "ports: [{containerPort: 8080}]}]}", Latest, "")]
    public void DuplicateHostPort_Messages(string kind, string spec, string version, string expected) =>
        Messages("HN003", kind, spec, version).ShouldBe(expected.TrimEnd());

    [Theory]
    [InlineData("Pod", "{" + C + "ports: [{name: http}]}]}", "spec.containers[0].ports[0].containerPort: Required value")]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 0}]}]}", "spec.containers[0].ports[0].containerPort: Required value")]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 70000}]}]}", "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive")]
    [InlineData("Deployment", "{" + C + "ports: [{containerPort: -1}]}]}", "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: -1: must be between 1 and 65535, inclusive")]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 80, hostPort: 2147483647}]}]}", "spec.containers[0].ports[0].hostPort: Invalid value: 2147483647: must be between 1 and 65535, inclusive")]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 80, protocol: HTTP}]}]}", """spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP" """)]
    [InlineData("CronJob", "{initContainers: [{name: i, image: x, ports: [{containerPort: 0, protocol: tcp}]}], " + C + "ports: [{containerPort: 80}]}]}", "spec.jobTemplate.spec.template.spec.initContainers[0].ports[0].containerPort: Required value\nspec.jobTemplate.spec.template.spec.initContainers[0].ports[0].protocol: Unsupported value: \"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\"")]
    [InlineData("Pod", "{" + C + "}], ephemeralContainers: [{name: e, image: x, ports: [{containerPort: 2345}]}]}", "spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container")]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: 1}, {containerPort: 65535, hostPort: 65535}, {containerPort: 80, hostPort: 0}, {containerPort: 3868, protocol: SCTP}]}]}", "")]
    [InlineData("Pod", "{" + C + "ports: [{containerPort: \"8080\"}, {containerPort: 3000000000}, {containerPort: 80, hostPort: 80.5}]}]}", "")]
    public void InvalidPort_Messages(string kind, string spec, string expected) =>
        Messages("HN005", kind, spec, Latest).ShouldBe(expected.TrimEnd());

    [Theory]
    [InlineData("Pod", Host + "securityContext: {sysctls: [{name: net.core.somaxconn, value: '4096'}]}, " + C + "}]}", Latest, """spec.securityContext.sysctls[0].name: Invalid value: "net.core.somaxconn": may not be specified when 'hostNetwork' is true""")]
    [InlineData("Deployment", Host + "securityContext: {sysctls: [{name: kernel.shm_rmid_forced, value: '1'}, {name: net/ipv4/ip_unprivileged_port_start, value: '0'}]}, " + C + "}]}", Latest, """spec.template.spec.securityContext.sysctls[1].name: Invalid value: "net/ipv4/ip_unprivileged_port_start": may not be specified when 'hostNetwork' is true""")]
    [InlineData("Pod", Host + "securityContext: {sysctls: [{name: 'net.*'}]}, " + C + "}]}", "1.29", """spec.securityContext.sysctls[0].name: Invalid value: "net.*": may not be specified when 'hostNetwork' is true""")]
    [InlineData("Pod", Host + "securityContext: {sysctls: [{name: net.core.somaxconn, value: '4096'}]}, " + C + "}]}", "1.28", """spec.securityContext.sysctls[0].name: "net.core.somaxconn" is a network sysctl and hostNetwork is true: Kubernetes 1.28 accepts the object, but the kubelet refuses to start the pod (SysctlForbidden), since the sysctl would change the node's own network namespace""")]
    [InlineData("Pod", Host + "securityContext: {sysctls: [{name: kernel.shm_rmid_forced}, {name: fs.mqueue.msg_max}, {name: network.x}, {name: net}]}, " + C + "}]}", Latest, "")]
    [InlineData("Pod", "{securityContext: {sysctls: [{name: net.core.somaxconn, value: '4096'}]}, " + C + "}]}", Latest, "")]
    public void HostNetworkSysctl_Messages(string kind, string spec, string version, string expected) =>
        Messages("HN006", kind, spec, version).ShouldBe(expected);

    [Theory]
    [InlineData("Pod", "{dnsPolicy: None, " + C + "}]}", Latest, "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None")]
    [InlineData("Deployment", "{dnsPolicy: None, dnsConfig: {searches: [Bad_Name]}, " + C + "}]}", Latest, "spec.template.spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None")]
    [InlineData("Pod", "{dnsPolicy: None, dnsConfig: {nameservers: [1.1.1.1, 1.0.0.1, 8.8.8.8, 8.8.4.4]}, " + C + "}]}", Latest, """spec.dnsConfig.nameservers: Invalid value: []string{"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"}: must not have more than 3 nameservers""")]
    [InlineData("Pod", "{dnsConfig: {nameservers: [dns.google, '1.1.1.1:53', 'fe80::1%eth0', '::ffff:10.0.0.1']}, " + C + "}]}", Latest, "spec.dnsConfig.nameservers: Invalid value: []string{\"dns.google\", \"1.1.1.1:53\", \"fe80::1%eth0\", \"::ffff:10.0.0.1\"}: must not have more than 3 nameservers\nspec.dnsConfig.nameservers[0]: Invalid value: \"dns.google\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\nspec.dnsConfig.nameservers[1]: Invalid value: \"1.1.1.1:53\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\nspec.dnsConfig.nameservers[2]: Invalid value: \"fe80::1%eth0\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    [InlineData("Pod", "{dnsConfig: {searches: [a.com, b.com, c.com, d.com, e.com, f.com, g.com]}, " + C + "}]}", "1.25", """spec.dnsConfig.searches: Invalid value: []string{"a.com", "b.com", "c.com", "d.com", "e.com", "f.com", "g.com"}: must not have more than 6 search paths""")]
    [InlineData("Pod", "{dnsConfig: {searches: [a.com, b.com, c.com, d.com, e.com, f.com, g.com]}, " + C + "}]}", "1.26", "")]
    [InlineData("Pod", "{dnsConfig: {searches: [_sip._udp.example.com, '.']}, " + C + "}]}", "1.32", """
        spec.dnsConfig.searches[0]: Invalid value: "_sip._udp.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
        spec.dnsConfig.searches[1]: Invalid value: "": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
        """)]
    [InlineData("Pod", "{dnsConfig: {searches: [_sip._udp.example.com, '.', cluster.local.]}, " + C + "}]}", "1.33", "")]
    [InlineData("Pod", "{dnsConfig: {searches: [Corp.Example.com.]}, " + C + "}]}", Latest, """spec.dnsConfig.searches[0]: Invalid value: "Corp.Example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')""")]
    [InlineData("Pod", "{dnsConfig: {options: [{name: ndots, value: '2'}, {value: '3'}]}, " + C + "}]}", Latest, "spec.dnsConfig.options[1]: Required value: must not be empty")]
    [InlineData("Pod", "{dnsPolicy: None, dnsConfig: {nameservers: [10.96.0.10, 'fd00::a', 010.1.1.1], searches: [svc.cluster.local]}, " + C + "}]}", Latest, "")]
    public void InvalidDnsConfig_Messages(string kind, string spec, string version, string expected) =>
        Messages("HN007", kind, spec, version).ShouldBe(expected.ReplaceLineEndings("\n"));

    [Theory]
    [InlineData(Latest, 2048, false)]
    [InlineData(Latest, 2049, true)]
    [InlineData("1.25", 256, false)]
    [InlineData("1.25", 257, true)]
    public void InvalidDnsConfig_SearchListLength_CountsSpaces(string version, int length, bool fires)
    {
        // Names of 99 characters, then one label that makes the space-joined list exactly as long as wanted.
        var count = (length - 1) / 100;
        var searches = Enumerable.Repeat(new string('a', 49) + "." + new string('b', 49), count).Append(new string('c', length - (100 * count))).ToList();
        var written = string.Join(' ', searches).Length;
        written.ShouldBe(length);
        var messages = Messages("HN007", "Pod", "{dnsConfig: {searches: [" + string.Join(", ", searches) + "]}, " + C + "}]}", version);
        var limit = version == Latest ? 2048 : 256;
        messages.Contains($"must not have more than {limit} characters (including spaces) in the search list", StringComparison.Ordinal).ShouldBe(fires, messages);
    }

    [Theory]
    [InlineData("Pod", "{hostNetwork: true, hostUsers: false, " + C + "}]}", Latest, "spec.hostNetwork: Forbidden: when `hostUsers` is false")]
    [InlineData("Pod", "{hostNetwork: true, hostUsers: false, " + C + "}]}", "1.34", "spec.hostNetwork: Forbidden: when `hostUsers` is false")]
    [InlineData("Deployment", "{hostNetwork: true, hostUsers: false, " + C + "}]}", "1.33", "spec.template.spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false")]
    [InlineData("Deployment", "{hostNetwork: true, hostUsers: false, " + C + "}]}", "1.32", "")]
    [InlineData("StatefulSet", "{hostNetwork: true, hostUsers: false, " + C + "}]}", "1.33",
        "the API server stores the StatefulSet but refuses every Pod it creates, as FailedCreate events on the StatefulSet: create Pod db-0 in StatefulSet db failed error: Pod \"db-0\" is invalid: spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false")]
    [InlineData("StatefulSet", "{hostNetwork: true, hostUsers: false, " + C + "}]}", "1.34", "spec.template.spec.hostNetwork: Forbidden: when `hostUsers` is false")]
    [InlineData("Pod", "{hostNetwork: true, hostUsers: true, " + C + "}]}", Latest, "")]
    [InlineData("Pod", "{hostUsers: false, " + C + "}]}", Latest, "")]
    public void HostNetworkUserNamespace_Messages(string kind, string spec, string version, string expected) =>
        Messages("HN008", kind, spec, version).ShouldBe(expected);

    [Theory]
    [InlineData("Pod", "{securityContext: {windowsOptions: {hostProcess: true}}, " + C + "}]}", Latest,
        "spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers")]
    [InlineData("Deployment", "{hostNetwork: true, containers: [{name: a, securityContext: {windowsOptions: {hostProcess: true}}}, {name: b}]}", Latest,
        "spec.template.spec: Invalid value: \"\": If pod contains any hostProcess containers then all containers must be HostProcess containers")]
    [InlineData("Pod", "{securityContext: {windowsOptions: {hostProcess: true}}, containers: [{name: a}, {name: b, securityContext: {windowsOptions: {hostProcess: false}}}]}", Latest,
        "spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers\n"
        + "spec: Invalid value: \"\": If pod contains any hostProcess containers then all containers must be HostProcess containers\n"
        + "spec.containers[1].securityContext.windowsOptions.hostProcess: Invalid value: false: pod hostProcess value must be identical if both are specified, was true")]
    [InlineData("Pod", "{hostNetwork: true, securityContext: {windowsOptions: {hostProcess: true}}, " + C + "}]}", Latest, "")]
    [InlineData("StatefulSet", "{securityContext: {windowsOptions: {hostProcess: true}}, " + C + "}]}", "1.33",
        "the API server stores the StatefulSet but refuses every Pod it creates, as FailedCreate events on the StatefulSet: create Pod db-0 in StatefulSet db failed error: Pod \"db-0\" is invalid: spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers")]
    [InlineData("StatefulSet", "{securityContext: {windowsOptions: {hostProcess: true}}, " + C + "}]}", "1.34",
        "spec.template.spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers")]
    [InlineData("Pod", "{hostNetwork: true, hostnameOverride: h.example.com, " + C + "}]}", "1.35", "spec.hostnameOverride: Forbidden: may not be specified when hostNetwork is true")]
    [InlineData("Pod", "{hostNetwork: true, hostnameOverride: h.example.com, " + C + "}]}", "1.34", "")]
    [InlineData("Pod", "{hostnameOverride: h.example.com, " + C + "}]}", Latest, "")]
    public void HostNetworkFieldRejected_Messages(string kind, string spec, string version, string expected) =>
        Messages("HN020", kind, spec, version).ShouldBe(expected);

    [Theory]
    [InlineData("Pod", "{containers: [{name: foo, ports: [{containerPort: 80, hostPort: 80, protocol: UDP, hostIP: 10.0.0.1}, {containerPort: 80, hostPort: 80, protocol: UDP}]}]}", Latest,
        "Warning: spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]")]
    [InlineData("Pod", "{containers: [{name: foo, ports: [{containerPort: 80, hostPort: 80, protocol: UDP, hostIP: 10.0.0.1}, {containerPort: 80, hostPort: 80, protocol: UDP}, {containerPort: 80, hostPort: 80, protocol: UDP, hostIP: 10.0.0.2}]}]}", Latest,
        "Warning: spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]\n"
        + "Warning: spec.containers[0].ports[2]: dangerously ambiguous port definition with spec.containers[0].ports[1]")]
    [InlineData("Pod", "{containers: [{name: foo, ports: [{containerPort: 80, hostPort: 80, protocol: UDP, hostIP: 10.0.0.1}, {containerPort: 80, protocol: UDP, hostIP: 10.0.0.1}]}]}", Latest,
        "Warning: spec.containers[0].ports[1]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10.0.0.1}\n"
        + "Warning: spec.containers[0].ports[1]: overlapping port definition with spec.containers[0].ports[0]")]
    [InlineData("Pod", "{containers: [{name: foo, ports: [{containerPort: 80, protocol: UDP}]}, {name: bar, ports: [{containerPort: 80, protocol: UDP}]}]}", Latest,
        "Warning: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]")]
    [InlineData("Deployment", "{hostNetwork: true, initContainers: [{name: s, restartPolicy: Always, ports: [{containerPort: 9090}]}], containers: [{name: a, ports: [{containerPort: 9090}]}]}", Latest,
        "Warning: spec.template.spec.containers[0].ports[0]: duplicate port definition with spec.template.spec.initContainers[0].ports[0]: on the host network both containers bind this port on the node, so the one that starts second crash-loops with \"address already in use\"")]
    [InlineData("Pod", "{containers: [{name: foo, ports: [{containerPort: 80, protocol: UDP}]}, {name: bar, ports: [{containerPort: 80, protocol: UDP}]}]}", "1.27", "")]
    public void PortDefinitionWarning_Messages(string kind, string spec, string version, string expected) =>
        Messages("HN021", kind, spec, version).ShouldBe(expected);

    [Theory]
    [InlineData("Pod", "{hostNetwork: true, hostname: h, subdomain: s, " + C + "}]}",
        "spec.hostname, spec.subdomain have no effect on the host network: the kubelet gives the pod the node's hostname, and /etc/hosts is the node's file plus hostAliases, without the pod's own name, so `hostname` and `hostname -f` inside the pod print the node's names")]
    [InlineData("Deployment", "{hostNetwork: true, setHostnameAsFQDN: true, " + C + "}]}",
        "spec.template.spec.setHostnameAsFQDN has no effect on the host network: the kubelet gives the pod the node's hostname, and /etc/hosts is the node's file plus hostAliases, without the pod's own name, so `hostname` and `hostname -f` inside the pod print the node's names")]
    [InlineData("Pod", "{hostNetwork: true, setHostnameAsFQDN: false, " + C + "}]}", "")]
    [InlineData("Pod", "{hostname: h, " + C + "}]}", "")]
    public void HostNetworkHostnameIgnored_Messages(string kind, string spec, string expected) =>
        Messages("HN031", kind, spec, Latest).ShouldBe(expected);

    private static string Messages(string rule, string kind, string spec, string version)
    {
        KubeVersion.TryParse(version, out var kubeVersion).ShouldBeTrue();
        var report = Fixtures.Check(Manifest(kind, spec), options: new AnalysisOptions { KubeVersion = kubeVersion });
        return string.Join("\n", report.Diagnostics.Where(d => d.Rule.Id == rule).Select(d => d.Message));
    }

    private static string Manifest(string kind, string spec) => kind switch
    {
        "Pod" => $"apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec: {spec}\n",
        "Deployment" => $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d}}\nspec: {{selector: {{matchLabels: {{a: b}}}}, template: {{metadata: {{labels: {{a: b}}}}, spec: {spec}}}}}\n",
        "StatefulSet" => $"apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {{name: db}}\nspec: {{serviceName: db, selector: {{matchLabels: {{a: b}}}}, template: {{metadata: {{labels: {{a: b}}}}, spec: {spec}}}}}\n",
        "CronJob" => $"apiVersion: batch/v1\nkind: CronJob\nmetadata: {{name: c}}\nspec: {{schedule: '* * * * *', jobTemplate: {{spec: {{template: {{spec: {spec}}}}}}}}}\n",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of these tests"),
    };
}
