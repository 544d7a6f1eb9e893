using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Listeners;

/// <summary>
/// Which ports a container evidently listens on: one row per case, the container as flow YAML and the listeners as
/// <c>port/protocol source evidence</c>, strongest first, joined by " | ".
/// </summary>
public sealed class ListenerInferenceTests
{
    [Theory]
    // Listen flags: --flag=value, --flag value, Go single dash, host:port forms, shell strings, $(VAR) expansion.
    [InlineData("{name: c, image: x, args: ['--web.listen-address=:9100']}", "9100/TCP Argument --web.listen-address=:9100")]
    [InlineData("{name: c, image: x, args: ['--web.listen-address=0.0.0.0:20000']}", "20000/TCP Argument --web.listen-address=0.0.0.0:20000")]
    [InlineData("{name: c, image: x, args: ['--port', '8080']}", "8080/TCP Argument --port 8080")]
    [InlineData("{name: c, image: x, args: ['-port=8080']}", "8080/TCP Argument -port=8080")]
    [InlineData("{name: c, image: x, args: ['--metrics-bind-address=[::]:8443']}", "8443/TCP Argument --metrics-bind-address=[::]:8443")]
    [InlineData("{name: c, image: x, args: ['--healthz-bind-address=localhost:10256']}", "10256/TCP Argument --healthz-bind-address=localhost:10256")]
    [InlineData("{name: c, image: x, args: ['--secure-listen-address=[$(IP)]:9100']}", "9100/TCP Argument --secure-listen-address=[$(IP)]:9100")]
    [InlineData("{name: c, image: x, command: [sh, -c, 'exec /app --port=8080 --v=2']}", "8080/TCP Argument --port=8080")]
    [InlineData("{name: c, image: x, command: [/app], args: ['--listen', ':7070']}", "7070/TCP Argument --listen :7070")]
    [InlineData("{name: c, image: x, command: [sh, -c, 'until pg_isready --port=5432; do sleep 1; done; exec /app --port=8080']}", "8080/TCP Argument --port=8080")]
    [InlineData("{name: c, image: x, command: [sh, -c, \"A=1 /app --listen=':7070' & curl --port 99 x\"]}", "7070/TCP Argument --listen=:7070")]
    [InlineData("{name: c, image: x, args: ['--port=$(P)'], env: [{name: P, value: '9000'}]}", "9000/TCP Argument --port=$(P)")]
    [InlineData("{name: c, image: x, args: ['--entryPoints.web.address=:8000/tcp', '--entryPoints.dns.address=:53/udp']}", "8000/TCP Argument --entryPoints.web.address=:8000/tcp | 53/UDP Argument --entryPoints.dns.address=:53/udp")]
    // Flag names are read in any case, with underscores for dashes, and at any length (a long one is no longer lowered on the stack).
    [InlineData("{name: c, image: x, args: ['--Metrics_Bind_Address=:8443', '--web.LISTEN_ADDRESS=:9100', '--entryPoints.Web.address=:8000/TCP']}", "8443/TCP Argument --Metrics_Bind_Address=:8443 | 9100/TCP Argument --web.LISTEN_ADDRESS=:9100 | 8000/TCP Argument --entryPoints.Web.address=:8000/TCP")]
    [InlineData("{name: c, image: x, args: ['--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-listen-address=:7000']}", "7000/TCP Argument --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-listen-address=:7000")]
    [InlineData("{name: c, image: x, args: ['--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.Listen_Address=:7001', '-', '--', '--=1', '-=2']}", "7001/TCP Argument --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.Listen_Address=:7001")]
    // A probe of a port a flag already gives is the same listener: the flag's.
    [InlineData("{name: c, image: x, args: ['--port=8080'], env: [{name: PORT, value: '8081'}], readinessProbe: {httpGet: {port: 8081}}, livenessProbe: {tcpSocket: {port: 8080}}, startupProbe: {grpc: {port: 8082}}}", "8080/TCP Argument --port=8080 | 8081/TCP Environment env PORT=8081 | 8082/TCP Handler startupProbe grpc")]
    // Not listen evidence: port 0, addresses without a port, disabled servers, unresolved or escaped references,
    // client flags, short -p, unbracketed IPv6, URLs.
    [InlineData("{name: c, image: x, args: ['--port=0', '--metrics-bind-address=:0', '--health-probe-bind-address=0']}", "")]
    [InlineData("{name: c, image: x, args: ['--bind-address=0.0.0.0', '--listen-address=::1:9000', '--listen=http://0.0.0.0:80']}", "")]
    [InlineData("{name: c, image: x, args: ['--port=$(UNSET)', '--http-port=$$(P)'], env: [{name: P, value: '9000'}]}", "")]
    [InlineData("{name: c, image: x, args: ['--xds-port=8001', '--upstream=http://127.0.0.1:9101/', '--csi-address=/csi/csi.sock', '-p', '8080']}", "")]
    // Environment: PORT and listen-ish names, not injected Service ports nor client ports; names are case-sensitive.
    [InlineData("{name: c, image: x, env: [{name: PORT, value: '3000'}, {name: LISTEN_ADDR, value: ':7000'}, {name: GRPC_LISTEN_PORT, value: '50051'}]}", "3000/TCP Environment env PORT=3000 | 7000/TCP Environment env LISTEN_ADDR=:7000 | 50051/TCP Environment env GRPC_LISTEN_PORT=50051")]
    [InlineData("{name: c, image: x, env: [{name: REDIS_SERVICE_PORT, value: '6379'}, {name: DB_PORT, value: '5432'}, {name: port, value: '6443'}, {name: LISTEN_ADDR, value: '0.0.0.0'}]}", "")]
    // Probes and hooks: numbers, names resolved against the container's ports, loopback hosts; not other hosts, nor
    // a lifecycle tcpSocket, which the kubelet never runs.
    [InlineData("{name: c, image: x, readinessProbe: {httpGet: {path: /, port: 8080}}, livenessProbe: {tcpSocket: {host: localhost, port: 8081}}, startupProbe: {grpc: {port: 9090}}}", "8081/TCP Handler livenessProbe tcpSocket | 8080/TCP Handler readinessProbe httpGet | 9090/TCP Handler startupProbe grpc")]
    [InlineData("{name: c, image: x, ports: [{name: metrics, containerPort: 9100}], readinessProbe: {httpGet: {port: metrics}}, livenessProbe: {httpGet: {port: missing}}}", "9100/TCP Handler readinessProbe httpGet")]
    [InlineData("{name: c, image: x, livenessProbe: {httpGet: {host: '::1', port: 8080}}, readinessProbe: {httpGet: {host: 10.0.0.1, port: 8081}}}", "8080/TCP Handler livenessProbe httpGet")]
    [InlineData("{name: c, image: x, lifecycle: {preStop: {httpGet: {port: 8090}}, postStart: {tcpSocket: {port: 8091}}}}", "8090/TCP Handler lifecycle.preStop httpGet")]
    // One listener per port: the flag wins over the probe that checks it.
    [InlineData("{name: c, image: x, args: ['--port=8080'], readinessProbe: {httpGet: {port: 8080}}}", "8080/TCP Argument --port=8080")]
    // Well-known images, as the weakest evidence.
    [InlineData("{name: c, image: 'nginx:1.27'}", "80/TCP Image default of image nginx")]
    [InlineData("{name: c, image: 'quay.io/prometheus/node-exporter:v1.8.2', args: ['--path.rootfs=/host']}", "9100/TCP Image default of image prometheus/node-exporter")]
    [InlineData("{name: c, image: 'quay.io/prometheus/node-exporter:v1.8.2', args: ['--web.listen-address=:20000']}", "20000/TCP Argument --web.listen-address=:20000")]
    [InlineData("{name: c, image: 'registry.k8s.io/coredns/coredns:v1.11.3', args: [-conf, /etc/coredns/Corefile]}", "53/UDP Image default of image coredns/coredns | 53/TCP Image default of image coredns/coredns")]
    [InlineData("{name: c, image: 'caddy:2.8-rootless'}", "8080/TCP Image default of image caddy | 2019/TCP Image default of image caddy")]
    [InlineData("{name: c, image: 'nginxinc/nginx-unprivileged:stable'}", "8080/TCP Image default of image nginxinc/nginx-unprivileged")]
    [InlineData("{name: c, image: 'nginx:1.27', readinessProbe: {httpGet: {port: 80}}}", "80/TCP Handler readinessProbe httpGet")]
    // Not the image default: declared ports, a listen flag or variable (even unreadable), another config, another
    // program, another image with the same last name.
    [InlineData("{name: c, image: 'nginx:1.27', ports: [{containerPort: 8080}]}", "")]
    [InlineData("{name: c, image: 'nginx:1.27', env: [{name: PORT, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]}", "")]
    [InlineData("{name: c, image: 'nginx:1.27', args: [nginx, -c, /etc/custom/nginx.conf]}", "")]
    [InlineData("{name: c, image: 'nginx:1.27', command: [/bin/sh, -c, 'sleep infinity']}", "")]
    [InlineData("{name: c, image: 'redis:7', args: [redis-cli, monitor]}", "")]
    // Names outside the known list that say port, listen, bind or address (issue 18's missed listeners).
    [InlineData("{name: c, image: x, args: ['--metricsport=8680']}", "8680/TCP Argument --metricsport=8680")]
    [InlineData("{name: c, image: x, args: ['--prometheus-listen-addr=0.0.0.0:9620']}", "9620/TCP Argument --prometheus-listen-addr=0.0.0.0:9620")]
    [InlineData("{name: c, image: x, args: ['--app-port=9090']}", "9090/TCP Argument --app-port=9090")]
    [InlineData("{name: c, image: x, args: ['--api-hosts=:50051']}", "50051/TCP Argument --api-hosts=:50051")]
    [InlineData("{name: c, image: x, args: ['--listenBGPPort=1791']}", "1791/TCP Argument --listenBGPPort=1791")]
    [InlineData("{name: c, image: x, args: ['--metrics-address=\"0.0.0.0:29615\"']}", "29615/TCP Argument --metrics-address=\"0.0.0.0:29615\"")]
    [InlineData("{name: c, image: x, args: ['--grpc-port', '50052']}", "50052/TCP Argument --grpc-port 50052")]
    [InlineData("{name: c, image: x, env: [{name: PROMETHEUS_LISTEN_ADDR, value: ':9091'}, {name: METRICS_HTTP_PORT, value: '9092'}]}", "9091/TCP Environment env PROMETHEUS_LISTEN_ADDR=:9091 | 9092/TCP Environment env METRICS_HTTP_PORT=9092")]
    // ... but not where the name or the value says the other end: a client of a sidecar, the API server, a host name.
    [InlineData("{name: c, image: x, args: ['--metadata-addr=127.0.0.1:9090', '--apiserver-port=6443', '--kubeconfig=/etc/kube/config', '--collector-port=4317', '--service-node-port-range=30000-32767']}", "")]
    [InlineData("{name: c, image: x, args: ['--grpc-address=controller:9000', '--db-host=:5432', '--max-port=x']}", "")]
    [InlineData("{name: c, image: x, env: [{name: SMTP_PORT, value: '25'}, {name: KUBERNETES_SERVICE_PORT, value: '443'}, {name: ELASTICSEARCH_PORT, value: '9200'}]}", "")]
    [InlineData("{name: c, image: 'memcached:1.6', args: ['-p11212']}", "")]
    [InlineData("{name: c, image: 'bitnami/nginx:1.27'}", "")]
    public void Infer_Container_FindsItsListeners(string container, string expected)
    {
        var listeners = ListenerInference.Infer(Manifests.Container(container));

        string.Join(" | ", listeners.Select(l => $"{l.Port}/{l.Protocol} {l.Source} {l.Evidence}")).ShouldBe(expected);
    }

    [Fact]
    public void Infer_Evidence_PointsAtTheField()
    {
        var container = Manifests.Container("{name: c, image: 'nginx:1', command: [/app], args: [-v, '--port', '81'], env: [{name: A, value: b}, {name: PORT, value: '82'}], readinessProbe: {httpGet: {port: 83}}}");

        var paths = ListenerInference.Infer(container).Select(l => l.FieldPath);

        paths.ShouldBe(["spec.containers[0].args[1]", "spec.containers[0].env[1].value", "spec.containers[0].readinessProbe.httpGet.port"]);
    }

    [Fact]
    public void Infer_FlagsAndVariables_AssumeTcpButSayTheyDo()
    {
        var listeners = ListenerInference.Infer(Manifests.Container("{name: c, image: x, args: ['--port=514', '--entryPoints.syslog.address=:1514/udp'], readinessProbe: {tcpSocket: {port: 515}}}"));

        listeners.Select(l => (l.Port, l.ProtocolIsAssumed)).ShouldBe([(514, true), (1514, false), (515, false)]);
    }

    [Fact]
    public void Infer_Names_ComeFromTheEvidence()
    {
        var listeners = ListenerInference.Infer(Manifests.Container("{name: c, image: x, args: ['--metrics-bind-address=:8080', '--secure-port=10250', '--port=9000', '--entryPoints.websecure.address=:8443', '--entryPoints.averyveryverylongname.address=:8444']}"));

        listeners.Select(l => l.Name).ShouldBe(["metrics", "https", null, "websecure", null]);
    }
}
