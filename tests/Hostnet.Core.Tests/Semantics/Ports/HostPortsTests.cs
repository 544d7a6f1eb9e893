using Hostnet.Core.Semantics.Ports;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Ports;

/// <summary>
/// The one definition of the host ports a pod wants (<see cref="HostPorts.Wanted"/>) against upstream: the Pod defaulting
/// of pkg/apis/core/v1/defaults.go (SetDefaults_Pod: on the host network, <c>defaultHostNetworkPorts</c> gives every port
/// of the containers and init containers whose hostPort is 0 its containerPort), then pkg/scheduler/util/utils.go
/// (GetHostPorts: the ports with hostPort &gt; 0 of the init containers with <c>restartPolicy: Always</c>, then of the
/// containers, in order, duplicates kept), then the NodeInfo's HostPortInfo, which reads an empty hostIP as 0.0.0.0 and
/// an empty protocol as TCP. Each binding is written <c>container protocol hostIP port field</c>.
/// </summary>
public sealed class HostPortsTests
{
    public static TheoryData<string, string, string[]> UpstreamCases() => new()
    {
        {
            "a port without hostPort is not wanted off the host network",
            """
              containers:
              - {name: app, image: a, ports: [{containerPort: 80}, {containerPort: 81, hostPort: 8081}]}
            """,
            ["app TCP 0.0.0.0 8081 hostPort"]
        },
        {
            "only init containers that run for the pod's lifetime (sidecars) count, before the containers",
            """
              initContainers:
              - {name: setup, image: a, ports: [{containerPort: 1, hostPort: 9001}]}
              - {name: proxy, image: a, restartPolicy: Always, ports: [{containerPort: 2, hostPort: 9002}]}
              containers:
              - {name: app, image: a, ports: [{containerPort: 3, hostPort: 9003}]}
            """,
            ["proxy TCP 0.0.0.0 9002 hostPort", "app TCP 0.0.0.0 9003 hostPort"]
        },
        {
            "on the host network the containerPort becomes the hostPort, in containers and sidecars alike",
            """
              hostNetwork: true
              initContainers:
              - {name: setup, image: a, ports: [{containerPort: 9300}]}
              - {name: proxy, image: a, restartPolicy: Always, ports: [{containerPort: 9200}]}
              containers:
              - {name: app, image: a, ports: [{containerPort: 9100}, {containerPort: 9101, hostPort: 9101}]}
            """,
            ["proxy TCP 0.0.0.0 9200 containerPort", "app TCP 0.0.0.0 9100 containerPort", "app TCP 0.0.0.0 9101 hostPort"]
        },
        {
            "duplicates are kept, within a container and across containers",
            """
              containers:
              - {name: a, image: a, ports: [{containerPort: 80, hostPort: 80}, {containerPort: 80, hostPort: 80}]}
              - {name: b, image: a, ports: [{containerPort: 80, hostPort: 80}]}
            """,
            ["a TCP 0.0.0.0 80 hostPort", "a TCP 0.0.0.0 80 hostPort", "b TCP 0.0.0.0 80 hostPort"]
        },
        {
            "hostIP empty and 0.0.0.0 both mean every address; an address of its own is kept",
            """
              containers:
              - name: app
                image: a
                ports:
                - {containerPort: 1, hostPort: 7001}
                - {containerPort: 2, hostPort: 7002, hostIP: 0.0.0.0}
                - {containerPort: 3, hostPort: 7003, hostIP: 127.0.0.1}
            """,
            ["app TCP 0.0.0.0 7001 hostPort", "app TCP 0.0.0.0 7002 hostPort", "app TCP 127.0.0.1 7003 hostPort"]
        },
        {
            "the protocol defaults to TCP; UDP and SCTP stay",
            """
              containers:
              - name: dns
                image: a
                ports:
                - {containerPort: 53, hostPort: 53}
                - {containerPort: 53, hostPort: 53, protocol: UDP}
                - {containerPort: 9899, hostPort: 9899, protocol: SCTP}
            """,
            ["dns TCP 0.0.0.0 53 hostPort", "dns UDP 0.0.0.0 53 hostPort", "dns SCTP 0.0.0.0 9899 hostPort"]
        },
        {
            "ephemeral containers hold no ports; a pod without any wants none",
            """
              containers:
              - {name: app, image: a}
              ephemeralContainers:
              - {name: debug, image: a, ports: [{containerPort: 80, hostPort: 80}]}
            """,
            []
        },
    };

    [Theory]
    [MemberData(nameof(UpstreamCases))]
    public void Wanted_UpstreamCases_GiveTheSchedulersPorts(string name, string spec, string[] expected)
    {
        var wanted = HostPorts.Wanted(Objects.Spec(spec));

        wanted.Select(b => $"{b.Container.Name} {b.Protocol} {b.HostIP} {b.Port} {b.FieldPath[(b.FieldPath.LastIndexOf('.') + 1)..]}").ShouldBe(expected, name);
    }
}
