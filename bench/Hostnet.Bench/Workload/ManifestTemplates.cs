using System.Globalization;

namespace Hostnet.Bench.Workload;

/// <summary>
/// Writes the objects of the P1 workload as people write them (Helm and Kustomize output): full label sets,
/// probes, resources, env, security contexts, some flow style, some comments. Sizes follow the real corpus
/// (median Deployment ≈ 2.4 KB, DaemonSet ≈ 3.3 KB, Service ≈ 0.4 KB, Namespace ≈ 0.15 KB).
/// </summary>
internal sealed class ManifestTemplates(Random random)
{
    private static readonly string[] Regions = ["eu-west-1", "us-east-1", "ap-south-1"];
    private static readonly string[] LogLevels = ["debug", "info", "warn"];

    public static string Namespace(NamespacePlan plan)
    {
        var yaml = new YamlEmitter()
            .Line(0, "apiVersion: v1")
            .Line(0, "kind: Namespace")
            .Line(0, "metadata:")
            .Line(1, "name: " + plan.Name)
            .Line(1, "labels:")
            .Line(2, "kubernetes.io/metadata.name: " + plan.Name)
            .Line(2, "team: " + plan.Team);
        if (plan.PodSecurityEnforce is { } enforce)
        {
            yaml.Line(2, "pod-security.kubernetes.io/enforce: " + enforce)
                .Line(2, "pod-security.kubernetes.io/enforce-version: latest");
        }

        if (plan.PodSecurityWarn is { } warn)
        {
            yaml.Line(2, "pod-security.kubernetes.io/warn: " + warn)
                .Line(2, "pod-security.kubernetes.io/audit: " + warn);
        }

        return yaml.ToString();
    }

    public string Workload(AppPlan app, PortPlan? sidecarPort)
    {
        var yaml = new YamlEmitter()
            .Line(0, "apiVersion: apps/v1")
            .Line(0, "kind: " + (app.IsDaemonSet ? "DaemonSet" : "Deployment"))
            .Line(0, "metadata:")
            .Line(1, "name: " + app.Name)
            .Line(1, "namespace: " + app.Namespace);
        var helm = random.NextDouble() < 0.5;
        Labels(yaml, 1, app, withChart: helm);
        if (helm)
        {
            yaml.Line(1, "annotations:")
                .Line(2, "meta.helm.sh/release-name: " + app.Name)
                .Line(2, "meta.helm.sh/release-namespace: " + app.Namespace);
        }

        yaml.Line(0, "spec:");
        if (!app.IsDaemonSet)
        {
            yaml.Line(1, "replicas: " + Number(app.Replicas) + (random.NextDouble() < 0.1 ? " # scaled by the HPA in production" : string.Empty));
        }

        yaml.Line(1, "revisionHistoryLimit: 10")
            .Line(1, "selector:")
            .Line(2, "matchLabels:")
            .Line(3, "app.kubernetes.io/name: " + app.Name)
            .Line(3, "app.kubernetes.io/instance: " + app.Instance);
        Strategy(yaml, app);
        yaml.Line(1, "template:")
            .Line(2, "metadata:")
            .Line(3, "labels:")
            .Line(4, "app.kubernetes.io/name: " + app.Name)
            .Line(4, "app.kubernetes.io/instance: " + app.Instance)
            .Line(4, "app.kubernetes.io/component: " + (app.IsDaemonSet ? "agent" : "server"));
        if (helm || (app.Ports.Count > 0 && random.NextDouble() < 0.3))
        {
            yaml.Line(3, "annotations:");
            if (helm)
            {
                yaml.Line(4, "checksum/config: " + Hex(64));
            }
            else
            {
                yaml.Line(4, "prometheus.io/scrape: \"true\"")
                    .Line(4, "prometheus.io/port: \"" + Number(app.Ports[^1].Number) + "\"");
            }
        }

        yaml.Line(2, "spec:")
            .Line(3, "serviceAccountName: " + app.Name);
        PodNetworking(yaml, app);
        Placement(yaml, app);
        PodSecurity(yaml, app);
        if (random.NextDouble() < 0.1)
        {
            InitContainer(yaml);
        }

        var volumes = app.IsDaemonSet || random.NextDouble() < 0.5;
        yaml.Line(3, "containers:");
        MainContainer(yaml, app, volumes);
        if (sidecarPort is not null)
        {
            Sidecar(yaml, app, sidecarPort);
        }

        if (volumes)
        {
            Volumes(yaml, app);
        }

        return yaml.ToString();
    }

    public string Service(AppPlan app)
    {
        var type = app.IsDaemonSet || random.NextDouble() < 0.8 ? "ClusterIP" : random.NextDouble() < 0.6 ? "NodePort" : "LoadBalancer";
        if (app.IsDaemonSet && app.HostNetwork && random.NextDouble() < 0.3)
        {
            type = "NodePort";
        }

        var yaml = new YamlEmitter()
            .Line(0, "apiVersion: v1")
            .Line(0, "kind: Service")
            .Line(0, "metadata:")
            .Line(1, "name: " + app.Name)
            .Line(1, "namespace: " + app.Namespace);
        Labels(yaml, 1, app, withChart: false);
        if (type == "LoadBalancer")
        {
            yaml.Line(1, "annotations:")
                .Line(2, "service.beta.kubernetes.io/aws-load-balancer-type: nlb");
        }

        yaml.Line(0, "spec:")
            .Line(1, "type: " + type);
        if (type != "ClusterIP" && random.NextDouble() < 0.6)
        {
            yaml.Line(1, "externalTrafficPolicy: " + (random.NextDouble() < 0.5 ? "Cluster" : "Local"));
        }

        // A few Services carry a stale selector and select nothing (HN040 has work to do).
        var selected = random.NextDouble() < 0.06 ? app.Name + "-v1" : app.Name;
        yaml.Line(1, "selector:")
            .Line(2, "app.kubernetes.io/name: " + selected)
            .Line(2, "app.kubernetes.io/instance: " + app.Instance)
            .Line(1, "ports:");
        var ports = app.Ports.Count == 0 ? [new PortPlan("http", 8080, "TCP", false)] : app.Ports;
        foreach (var port in ports)
        {
            var target = random.NextDouble() switch
            {
                < 0.55 => port.Name,
                < 0.95 => Number(port.Number),
                _ => Number(port.Number + 1),
            };
            yaml.Line(2, "- name: " + port.Name)
                .Line(3, "port: " + Number(port.Number == 8080 ? 80 : port.Number))
                .Line(3, "targetPort: " + target)
                .Line(3, "protocol: " + port.Protocol);
            if (type == "NodePort" && random.NextDouble() < 0.5)
            {
                yaml.Line(3, "nodePort: " + Number(random.Next(30_000, 32_768)));
            }
        }

        return yaml.ToString();
    }

    public string NetworkPolicy(AppPlan app, string peerApp)
    {
        var yaml = new YamlEmitter()
            .Line(0, "apiVersion: networking.k8s.io/v1")
            .Line(0, "kind: NetworkPolicy")
            .Line(0, "metadata:")
            .Line(1, "name: " + app.Name + "-ingress")
            .Line(1, "namespace: " + app.Namespace);
        Labels(yaml, 1, app, withChart: false);
        yaml.Line(0, "spec:")
            .Line(1, "podSelector:");
        if (random.NextDouble() < 0.15)
        {
            yaml.Line(2, "matchExpressions:")
                .Line(3, "- key: app.kubernetes.io/name")
                .Line(4, "operator: In")
                .Line(4, "values: [" + app.Name + ", " + peerApp + "]");
        }
        else
        {
            yaml.Line(2, "matchLabels:")
                .Line(3, "app.kubernetes.io/name: " + app.Name);
        }

        var egress = random.NextDouble() < 0.4;
        yaml.Line(1, "policyTypes:")
            .Line(2, "- Ingress");
        if (egress)
        {
            yaml.Line(2, "- Egress");
        }

        yaml.Line(1, "ingress:")
            .Line(2, "- from:")
            .Line(4, "- namespaceSelector:")
            .Line(6, "matchLabels:")
            .Line(7, "kubernetes.io/metadata.name: ingress-nginx")
            .Line(4, "- podSelector:")
            .Line(6, "matchLabels:")
            .Line(7, "app.kubernetes.io/name: " + peerApp)
            .Line(3, "ports:");
        foreach (var port in app.Ports.Take(2))
        {
            yaml.Line(4, "- protocol: " + port.Protocol)
                .Line(5, "port: " + Number(port.Number));
        }

        if (app.Ports.Count == 0)
        {
            yaml.Line(4, "- protocol: TCP")
                .Line(5, "port: 8080");
        }

        if (!egress)
        {
            return yaml.ToString();
        }

        yaml.Line(1, "egress:")
            .Line(2, "- to:")
            .Line(4, "- ipBlock:")
            .Line(6, "cidr: 10.0.0.0/8")
            .Line(6, "except:")
            .Line(7, "- 10." + Number(random.Next(256)) + ".0.0/16")
            .Line(3, "ports:")
            .Line(4, "- protocol: UDP")
            .Line(5, "port: 53");
        return yaml.ToString();
    }

    public string ConfigMap(AppPlan app)
    {
        var yaml = new YamlEmitter()
            .Line(0, "apiVersion: v1")
            .Line(0, "kind: ConfigMap")
            .Line(0, "metadata:")
            .Line(1, "name: " + app.Name + "-config")
            .Line(1, "namespace: " + app.Namespace);
        Labels(yaml, 1, app, withChart: false);
        yaml.Line(0, "data:")
            .Line(1, "LOG_LEVEL: " + LogLevels[random.Next(LogLevels.Length)])
            .Line(1, "REGION: " + Regions[random.Next(Regions.Length)])
            .Line(1, "config.yaml: |")
            .Line(2, "server:")
            .Line(3, "listen: 0.0.0.0:" + Number(app.Ports.Count > 0 ? app.Ports[0].Number : 8080))
            .Line(3, "readTimeout: 30s")
            .Line(2, "upstreams:");
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            yaml.Line(3, "- name: upstream-" + Number(i))
                .Line(4, "url: http://svc-" + Number(random.Next(1000)) + "." + app.Namespace + ".svc.cluster.local:8080");
        }

        return yaml.ToString();
    }

    private static void Labels(YamlEmitter yaml, int level, AppPlan app, bool withChart)
    {
        yaml.Line(level, "labels:")
            .Line(level + 1, "app.kubernetes.io/name: " + app.Name)
            .Line(level + 1, "app.kubernetes.io/instance: " + app.Instance)
            .Line(level + 1, "app.kubernetes.io/part-of: " + app.Team);
        if (withChart)
        {
            yaml.Line(level + 1, "app.kubernetes.io/managed-by: Helm")
                .Line(level + 1, "helm.sh/chart: " + app.Team + "-1.4.2")
                .Line(level + 1, "app.kubernetes.io/version: \"1.4.2\"");
        }
    }

    private void Strategy(YamlEmitter yaml, AppPlan app)
    {
        var roll = random.NextDouble();
        if (roll < 0.3)
        {
            return;
        }

        yaml.Line(1, app.IsDaemonSet ? "updateStrategy:" : "strategy:");
        if (!app.IsDaemonSet && roll < 0.4)
        {
            yaml.Line(2, "type: Recreate");
            return;
        }

        yaml.Line(2, "type: RollingUpdate")
            .Line(2, "rollingUpdate:");
        if (app.IsDaemonSet)
        {
            yaml.Line(3, "maxUnavailable: 1");
            if (roll > 0.9)
            {
                yaml.Line(3, "maxSurge: 1");
            }
        }
        else
        {
            yaml.Line(3, "maxSurge: " + (roll < 0.7 ? "25%" : "0"))
                .Line(3, "maxUnavailable: " + (roll < 0.7 ? "25%" : "1"));
        }
    }

    private void PodNetworking(YamlEmitter yaml, AppPlan app)
    {
        if (!app.HostNetwork)
        {
            return;
        }

        yaml.Line(3, "hostNetwork: true");
        var roll = random.NextDouble();
        if (roll < 0.7)
        {
            yaml.Line(3, "dnsPolicy: ClusterFirstWithHostNet");
        }
        else if (roll < 0.8)
        {
            yaml.Line(3, "dnsPolicy: Default");
        }

        if (app.IsDaemonSet && random.NextDouble() < 0.2)
        {
            yaml.Line(3, "hostPID: true");
        }

        if (app.IsDaemonSet)
        {
            yaml.Line(3, "priorityClassName: system-node-critical");
        }
    }

    private void Placement(YamlEmitter yaml, AppPlan app)
    {
        yaml.Line(3, "nodeSelector:")
            .Line(4, "kubernetes.io/os: linux");
        if (app.Pool is not null)
        {
            yaml.Line(4, "node-pool: " + app.Pool);
        }

        if (app.IsDaemonSet)
        {
            yaml.Line(3, "tolerations:");
            if (random.NextDouble() < 0.5)
            {
                yaml.Line(4, "- operator: Exists");
            }
            else
            {
                yaml.Line(4, "- key: node-role.kubernetes.io/control-plane")
                    .Line(5, "operator: Exists")
                    .Line(5, "effect: NoSchedule")
                    .Line(4, "- key: node.kubernetes.io/not-ready")
                    .Line(5, "operator: Exists")
                    .Line(5, "effect: NoExecute");
            }
        }
        else if (random.NextDouble() < 0.4)
        {
            yaml.Line(3, "affinity:")
                .Line(4, "podAntiAffinity:");
            if (app.HostNetwork || random.NextDouble() < 0.3)
            {
                yaml.Line(5, "requiredDuringSchedulingIgnoredDuringExecution:")
                    .Line(6, "- labelSelector:")
                    .Line(8, "matchLabels:")
                    .Line(9, "app.kubernetes.io/name: " + app.Name)
                    .Line(7, "topologyKey: kubernetes.io/hostname");
            }
            else
            {
                yaml.Line(5, "preferredDuringSchedulingIgnoredDuringExecution:")
                    .Line(6, "- weight: 100")
                    .Line(7, "podAffinityTerm:")
                    .Line(8, "labelSelector:")
                    .Line(9, "matchLabels:")
                    .Line(10, "app.kubernetes.io/name: " + app.Name)
                    .Line(8, "topologyKey: topology.kubernetes.io/zone");
            }
        }
    }

    private static void PodSecurity(YamlEmitter yaml, AppPlan app)
    {
        if (app.IsDaemonSet && app.HostNetwork)
        {
            return;
        }

        yaml.Line(3, "securityContext:")
            .Line(4, "runAsNonRoot: true")
            .Line(4, "runAsUser: 10001")
            .Line(4, "fsGroup: 10001")
            .Line(4, "seccompProfile:")
            .Line(5, "type: RuntimeDefault");
    }

    private static void InitContainer(YamlEmitter yaml)
    {
        yaml.Line(3, "initContainers:")
            .Line(4, "- name: init-config")
            .Line(5, "image: busybox:1.36")
            .Line(5, "command: [\"sh\", \"-c\", \"cp /config/* /work/ && chmod 0640 /work/*\"]")
            .Line(5, "volumeMounts:")
            .Line(6, "- name: config")
            .Line(7, "mountPath: /config")
            .Line(6, "- name: work")
            .Line(7, "mountPath: /work")
            .Line(5, "resources:")
            .Line(6, "requests: {cpu: 10m, memory: 16Mi}");
    }

    private void MainContainer(YamlEmitter yaml, AppPlan app, bool volumes)
    {
        yaml.Line(4, "- name: " + (app.IsDaemonSet ? "agent" : "server"))
            .Line(5, "image: registry.example.com/" + app.Team + "/" + app.Name + ":1.4." + Number(random.Next(20)))
            .Line(5, "imagePullPolicy: IfNotPresent");
        if (app.Ports.Count > 0)
        {
            // Mostly the flag agrees with the declared port; a few disagree (HN011 has work to do).
            var listen = random.NextDouble() < 0.03 ? app.Ports[0].Number + 1 : app.Ports[0].Number;
            yaml.Line(5, "args:")
                .Line(6, "- --port=" + Number(listen))
                .Line(6, "- --v=2");
            if (app.Ports.Count > 1)
            {
                yaml.Line(6, "- --metrics-bind-address=:" + Number(app.Ports[^1].Number));
            }

            yaml.Line(5, "ports:");
            foreach (var port in app.Ports)
            {
                yaml.Line(6, "- name: " + port.Name)
                    .Line(7, "containerPort: " + Number(port.Number));
                if (port.WriteHostPort)
                {
                    yaml.Line(7, "hostPort: " + Number(port.Number));
                }

                yaml.Line(7, "protocol: " + port.Protocol);
            }
        }

        Env(yaml, app);
        yaml.Line(5, "resources:")
            .Line(6, "requests:")
            .Line(7, "cpu: " + Number(random.Next(1, 20) * 50) + "m")
            .Line(7, "memory: " + Number(random.Next(1, 16) * 64) + "Mi")
            .Line(6, "limits:")
            .Line(7, "memory: " + Number(random.Next(16, 32) * 64) + "Mi");
        Probes(yaml, app);
        ContainerSecurity(yaml, app);
        if (!volumes)
        {
            return;
        }

        yaml.Line(5, "volumeMounts:")
            .Line(6, "- name: config")
            .Line(7, "mountPath: /etc/" + app.Team)
            .Line(7, "readOnly: true")
            .Line(6, "- name: work")
            .Line(7, "mountPath: /var/lib/" + app.Team);
    }

    private void Env(YamlEmitter yaml, AppPlan app)
    {
        yaml.Line(5, "env:");
        if (app.IsDaemonSet || random.NextDouble() < 0.3)
        {
            yaml.Line(6, "- name: POD_NAME")
                .Line(7, "valueFrom:")
                .Line(8, "fieldRef:")
                .Line(9, "fieldPath: metadata.name");
        }

        yaml.Line(6, "- name: NODE_NAME")
            .Line(7, "valueFrom:")
            .Line(8, "fieldRef:")
            .Line(9, "fieldPath: spec.nodeName")
            .Line(6, "- name: LOG_LEVEL")
            .Line(7, "value: " + LogLevels[random.Next(LogLevels.Length)]);
        var extra = random.Next(0, 4);
        for (var i = 0; i < extra; i++)
        {
            yaml.Line(6, "- name: FEATURE_" + Number(i) + "_ENABLED")
                .Line(7, "value: \"" + (random.NextDouble() < 0.5 ? "true" : "false") + "\"");
        }

        if (random.NextDouble() < 0.2)
        {
            yaml.Line(6, "- name: DATABASE_PASSWORD")
                .Line(7, "valueFrom:")
                .Line(8, "secretKeyRef:")
                .Line(9, "name: " + app.Name + "-db")
                .Line(9, "key: password");
        }
    }

    private void Probes(YamlEmitter yaml, AppPlan app)
    {
        if (app.Ports.Count == 0)
        {
            yaml.Line(5, "livenessProbe:")
                .Line(6, "exec:")
                .Line(7, "command: [\"/bin/health\", \"--quiet\"]")
                .Line(6, "periodSeconds: 30");
            return;
        }

        // A few probe a port nothing declares (HN010 has work to do).
        var first = app.Ports[0];
        var livenessPort = random.NextDouble() < 0.05 ? Number(first.Number + 100) : random.NextDouble() < 0.5 ? first.Name : Number(first.Number);
        yaml.Line(5, "livenessProbe:")
            .Line(6, "httpGet:")
            .Line(7, "path: /healthz")
            .Line(7, "port: " + livenessPort)
            .Line(6, "initialDelaySeconds: 10")
            .Line(6, "periodSeconds: 10")
            .Line(6, "failureThreshold: 3")
            .Line(5, "readinessProbe:")
            .Line(6, "tcpSocket:")
            .Line(7, "port: " + Number(first.Number))
            .Line(6, "periodSeconds: 5");
    }

    private void ContainerSecurity(YamlEmitter yaml, AppPlan app)
    {
        yaml.Line(5, "securityContext:");
        if (app.HostNetwork && app.IsDaemonSet)
        {
            var roll = random.NextDouble();
            if (roll < 0.3)
            {
                yaml.Line(6, "privileged: true");
            }
            else
            {
                yaml.Line(6, "capabilities:")
                    .Line(7, roll < 0.6 ? "add: [\"NET_ADMIN\", \"NET_RAW\"]" : "add: [\"NET_BIND_SERVICE\"]")
                    .Line(7, "drop: [\"ALL\"]");
            }

            return;
        }

        yaml.Line(6, "allowPrivilegeEscalation: false")
            .Line(6, "readOnlyRootFilesystem: true")
            .Line(6, "capabilities:")
            .Line(7, "drop:")
            .Line(8, "- ALL");
    }

    private static void Sidecar(YamlEmitter yaml, AppPlan app, PortPlan port)
    {
        yaml.Line(4, "- name: metrics-exporter")
            .Line(5, "image: quay.io/prometheus/statsd-exporter:v0.26.0")
            .Line(5, "args: [\"--web.listen-address=:" + Number(port.Number) + "\", \"--statsd.mapping-config=/etc/" + app.Team + "/mapping.yaml\"]")
            .Line(5, "ports:")
            .Line(6, "- name: " + port.Name)
            .Line(7, "containerPort: " + Number(port.Number));
        if (port.WriteHostPort)
        {
            yaml.Line(7, "hostPort: " + Number(port.Number));
        }

        yaml.Line(5, "resources:")
            .Line(6, "requests: {cpu: 20m, memory: 32Mi}")
            .Line(6, "limits: {memory: 64Mi}");
    }

    private static void Volumes(YamlEmitter yaml, AppPlan app)
    {
        yaml.Line(3, "volumes:")
            .Line(4, "- name: config")
            .Line(5, "configMap:")
            .Line(6, "name: " + app.Name + "-config")
            .Line(4, "- name: work");
        if (app.IsDaemonSet)
        {
            yaml.Line(5, "hostPath:")
                .Line(6, "path: /var/lib/" + app.Team)
                .Line(6, "type: DirectoryOrCreate");
        }
        else
        {
            yaml.Line(5, "emptyDir: {}");
        }
    }

    private string Hex(int length)
    {
        Span<char> digits = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            digits[i] = "0123456789abcdef"[random.Next(16)];
        }

        return new string(digits);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
