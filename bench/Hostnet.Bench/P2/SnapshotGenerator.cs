using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hostnet.Bench.P2;

/// <summary>
/// Writes P2's cluster snapshot as <c>kubectl get nodes,pods,namespaces,services -A -o json</c> prints it (a v1 List,
/// keys sorted, four-space indent), with what makes real snapshots heavy: managedFields, the last-applied annotation,
/// node image lists and conditions, container statuses, projected volumes. Per node: three DaemonSet pods on host
/// network (kube-proxy without ports, a CNI agent with a health port, node-exporter with hostPort 9100) and 27 pods of
/// Deployments, a few of them with host ports. One node in ten is tainted, one in fifty cordoned. Seeded: every run
/// writes the same bytes.
/// </summary>
internal sealed class SnapshotGenerator(int nodes, int podsPerNode)
{
    private const int Seed = 20261122;
    private const string Time = "2026-11-20T10:00:00Z";

    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random = new(Seed);

    public int Nodes => nodes;

    public int Pods => nodes * podsPerNode;

    /// <summary>Writes the snapshot; returns its size in bytes.</summary>
    public long Write(string path)
    {
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var json = new Utf8JsonWriter(file, Options))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", "v1");
            json.WriteStartArray("items");
            for (var n = 0; n < 20; n++)
            {
                Namespace(json, Ns(n));
            }

            for (var n = 0; n < nodes; n++)
            {
                Node(json, n);
            }

            for (var n = 0; n < nodes; n++)
            {
                for (var p = 0; p < podsPerNode; p++)
                {
                    Pod(json, n, p);
                }
            }

            for (var s = 0; s < 200; s++)
            {
                Service(json, s);
            }

            json.WriteEndArray();
            json.WriteString("kind", "List");
            json.WriteStartObject("metadata");
            json.WriteString("resourceVersion", string.Empty);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new FileInfo(path).Length;
    }

    private static string Ns(int n) => n == 0 ? "kube-system" : string.Create(CultureInfo.InvariantCulture, $"team-{n:D2}");

    private static string NodeName(int n) => string.Create(CultureInfo.InvariantCulture, $"worker-{n:D5}");

    private static string NodeIp(int n) => string.Create(CultureInfo.InvariantCulture, $"10.{n / 65536}.{n / 256 % 256}.{n % 256}");

    private static void Namespace(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "Namespace");
        json.WriteStartObject("metadata");
        json.WriteString("creationTimestamp", Time);
        json.WriteStartObject("labels");
        json.WriteString("kubernetes.io/metadata.name", name);
        json.WriteEndObject();
        json.WriteString("name", name);
        json.WriteString("resourceVersion", "12");
        json.WriteString("uid", Uid(name));
        json.WriteEndObject();
        json.WriteStartObject("spec");
        json.WriteStartArray("finalizers");
        json.WriteStringValue("kubernetes");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("status");
        json.WriteString("phase", "Active");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void Node(Utf8JsonWriter json, int n)
    {
        var name = NodeName(n);
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "Node");
        json.WriteStartObject("metadata");
        json.WriteStartObject("annotations");
        json.WriteString("kubeadm.alpha.kubernetes.io/cri-socket", "unix:///run/containerd/containerd.sock");
        json.WriteString("node.alpha.kubernetes.io/ttl", "0");
        json.WriteString("volumes.kubernetes.io/controller-managed-attach-detach", "true");
        json.WriteEndObject();
        json.WriteString("creationTimestamp", Time);
        json.WriteStartObject("labels");
        json.WriteString("beta.kubernetes.io/arch", "amd64");
        json.WriteString("beta.kubernetes.io/os", "linux");
        json.WriteString("kubernetes.io/arch", "amd64");
        json.WriteString("kubernetes.io/hostname", name);
        json.WriteString("kubernetes.io/os", "linux");
        json.WriteString("node.kubernetes.io/instance-type", n % 3 == 0 ? "m6i.2xlarge" : "m6i.xlarge");
        json.WriteString("topology.kubernetes.io/region", "eu-west-1");
        json.WriteString("topology.kubernetes.io/zone", "eu-west-1" + (char)('a' + (n % 3)));
        if (n % 10 == 0)
        {
            json.WriteString("pool", "gpu");
        }

        json.WriteEndObject();
        ManagedFields(json, ["kubeadm", "kube-controller-manager", "kubelet"], 3);
        json.WriteString("name", name);
        json.WriteString("resourceVersion", Number(_random.Next(1_000_000, 9_999_999)));
        json.WriteString("uid", Uid(name));
        json.WriteEndObject();
        json.WriteStartObject("spec");
        json.WriteString("podCIDR", string.Create(CultureInfo.InvariantCulture, $"10.{64 + (n / 256)}.{n % 256}.0/24"));
        json.WriteStartArray("podCIDRs");
        json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"10.{64 + (n / 256)}.{n % 256}.0/24"));
        json.WriteEndArray();
        json.WriteString("providerID", "aws:///eu-west-1a/i-0" + Uid(name)[..16]);
        if (n % 10 == 0)
        {
            json.WriteStartArray("taints");
            json.WriteStartObject();
            json.WriteString("effect", "NoSchedule");
            json.WriteString("key", "nvidia.com/gpu");
            json.WriteString("value", "present");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (n % 50 == 7)
        {
            json.WriteBoolean("unschedulable", true);
        }

        json.WriteEndObject();
        json.WriteStartObject("status");
        json.WriteStartArray("addresses");
        Address(json, NodeIp(n), "InternalIP");
        Address(json, name, "Hostname");
        Address(json, name + ".eu-west-1.compute.internal", "InternalDNS");
        json.WriteEndArray();
        Resources(json, "allocatable", "7910m", "31Gi", "110");
        Resources(json, "capacity", "8", "32Gi", "110");
        json.WriteStartArray("conditions");
        foreach (var (type, status, reason) in (ReadOnlySpan<(string, string, string)>)[("MemoryPressure", "False", "KubeletHasSufficientMemory"), ("DiskPressure", "False", "KubeletHasNoDiskPressure"), ("PIDPressure", "False", "KubeletHasSufficientPID"), ("Ready", "True", "KubeletReady")])
        {
            json.WriteStartObject();
            json.WriteString("lastHeartbeatTime", Time);
            json.WriteString("lastTransitionTime", Time);
            json.WriteString("message", "kubelet has sufficient memory available");
            json.WriteString("reason", reason);
            json.WriteString("status", status);
            json.WriteString("type", type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("daemonEndpoints");
        json.WriteStartObject("kubeletEndpoint");
        json.WriteNumber("Port", 10250);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("images");
        for (var i = 0; i < 24; i++)
        {
            json.WriteStartObject();
            json.WriteStartArray("names");
            json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"registry.example.com/team/app-{i:D2}@sha256:{Uid("img" + i)}{Uid("x" + i)}"));
            json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"registry.example.com/team/app-{i:D2}:v1.{i}.0"));
            json.WriteEndArray();
            json.WriteNumber("sizeBytes", 20_000_000 + (i * 1_234_567));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("nodeInfo");
        json.WriteString("architecture", "amd64");
        json.WriteString("bootID", Uid("boot" + name));
        json.WriteString("containerRuntimeVersion", "containerd://1.7.22");
        json.WriteString("kernelVersion", "6.1.112");
        json.WriteString("kubeProxyVersion", "v1.31.2");
        json.WriteString("kubeletVersion", "v1.31.2");
        json.WriteString("machineID", Uid("machine" + name));
        json.WriteString("operatingSystem", "linux");
        json.WriteString("osImage", "Amazon Linux 2023");
        json.WriteString("systemUUID", Uid("system" + name));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void Pod(Utf8JsonWriter json, int n, int p)
    {
        var node = NodeName(n);
        var (ns, owner, ownerKind, app, hostNetwork, image) = p switch
        {
            0 => ("kube-system", "kube-proxy", "DaemonSet", "kube-proxy", true, "registry.k8s.io/kube-proxy:v1.31.2"),
            1 => ("kube-system", "calico-node", "DaemonSet", "calico-node", true, "docker.io/calico/node:v3.28.2"),
            2 => ("kube-system", "node-exporter", "DaemonSet", "node-exporter", true, "quay.io/prometheus/node-exporter:v1.8.2"),
            _ => (Ns(1 + ((n + p) % 19)), string.Create(CultureInfo.InvariantCulture, $"app-{(n * 7 + p) % 400:D3}-7d9f8c6b5d"), "ReplicaSet", string.Create(CultureInfo.InvariantCulture, $"app-{(n * 7 + p) % 400:D3}"), false, string.Create(CultureInfo.InvariantCulture, $"registry.example.com/team/app-{p % 24:D2}:v1.{p % 24}.0")),
        };
        var name = string.Create(CultureInfo.InvariantCulture, $"{owner}-{Suffix((n * 31) + p)}");
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "Pod");
        json.WriteStartObject("metadata");
        json.WriteStartObject("annotations");
        if (p % 5 == 3)
        {
            json.WriteString("kubectl.kubernetes.io/last-applied-configuration", "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"" + app + "\"},\"name\":\"" + app + "\",\"namespace\":\"" + ns + "\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"" + app + "\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + app + "\"}},\"spec\":{\"containers\":[{\"image\":\"" + image + "\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080}]}]}}}}\n");
        }

        json.WriteString("prometheus.io/scrape", "true");
        json.WriteEndObject();
        json.WriteString("creationTimestamp", Time);
        json.WriteString("generateName", owner + "-");
        json.WriteStartObject("labels");
        json.WriteString("app", app);
        json.WriteString("app.kubernetes.io/name", app);
        json.WriteString("pod-template-hash", "7d9f8c6b5d");
        json.WriteEndObject();
        ManagedFields(json, ["kube-controller-manager", "kubelet"], 2);
        json.WriteString("name", name);
        json.WriteString("namespace", ns);
        json.WriteStartArray("ownerReferences");
        json.WriteStartObject();
        json.WriteString("apiVersion", "apps/v1");
        json.WriteBoolean("blockOwnerDeletion", true);
        json.WriteBoolean("controller", true);
        json.WriteString("kind", ownerKind);
        json.WriteString("name", owner);
        json.WriteString("uid", Uid(owner));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("resourceVersion", Number(_random.Next(1_000_000, 9_999_999)));
        json.WriteString("uid", Uid(name));
        json.WriteEndObject();

        json.WriteStartObject("spec");
        if (ownerKind == "DaemonSet")
        {
            json.WriteStartObject("affinity");
            json.WriteStartObject("nodeAffinity");
            json.WriteStartObject("requiredDuringSchedulingIgnoredDuringExecution");
            json.WriteStartArray("nodeSelectorTerms");
            json.WriteStartObject();
            json.WriteStartArray("matchFields");
            json.WriteStartObject();
            json.WriteString("key", "metadata.name");
            json.WriteString("operator", "In");
            json.WriteStartArray("values");
            json.WriteStringValue(node);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("containers");
        Container(json, p, image, hostNetwork);
        json.WriteEndArray();
        json.WriteString("dnsPolicy", hostNetwork ? "ClusterFirstWithHostNet" : "ClusterFirst");
        json.WriteBoolean("enableServiceLinks", true);
        if (hostNetwork)
        {
            json.WriteBoolean("hostNetwork", true);
        }

        json.WriteString("nodeName", node);
        json.WriteString("preemptionPolicy", "PreemptLowerPriority");
        json.WriteNumber("priority", hostNetwork ? 2000001000 : 0);
        if (hostNetwork)
        {
            json.WriteString("priorityClassName", "system-node-critical");
        }

        json.WriteString("restartPolicy", "Always");
        json.WriteString("schedulerName", "default-scheduler");
        json.WriteStartObject("securityContext");
        json.WriteEndObject();
        json.WriteString("serviceAccount", "default");
        json.WriteString("serviceAccountName", "default");
        json.WriteNumber("terminationGracePeriodSeconds", 30);
        json.WriteStartArray("tolerations");
        foreach (var key in (string[])["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"])
        {
            json.WriteStartObject();
            json.WriteString("effect", "NoExecute");
            json.WriteString("key", key);
            json.WriteString("operator", "Exists");
            json.WriteNumber("tolerationSeconds", 300);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("volumes");
        json.WriteStartObject();
        json.WriteString("name", "kube-api-access-" + Suffix(p));
        json.WriteStartObject("projected");
        json.WriteNumber("defaultMode", 420);
        json.WriteStartArray("sources");
        json.WriteStartObject();
        json.WriteStartObject("serviceAccountToken");
        json.WriteNumber("expirationSeconds", 3607);
        json.WriteString("path", "token");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteStartObject("configMap");
        json.WriteStartArray("items");
        json.WriteStartObject();
        json.WriteString("key", "ca.crt");
        json.WriteString("path", "ca.crt");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("name", "kube-root-ca.crt");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("status");
        json.WriteStartArray("conditions");
        foreach (var type in (string[])["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"])
        {
            json.WriteStartObject();
            json.WriteNull("lastProbeTime");
            json.WriteString("lastTransitionTime", Time);
            json.WriteString("status", "True");
            json.WriteString("type", type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("containerStatuses");
        json.WriteStartObject();
        json.WriteString("containerID", "containerd://" + Uid(name) + Uid(name + "c"));
        json.WriteString("image", image);
        json.WriteString("imageID", image.Split(':')[0] + "@sha256:" + Uid(image) + Uid(image + "i"));
        json.WriteStartObject("lastState");
        json.WriteEndObject();
        json.WriteString("name", "app");
        json.WriteBoolean("ready", true);
        json.WriteNumber("restartCount", 0);
        json.WriteBoolean("started", true);
        json.WriteStartObject("state");
        json.WriteStartObject("running");
        json.WriteString("startedAt", Time);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("hostIP", NodeIp(n));
        json.WriteStartArray("hostIPs");
        json.WriteStartObject();
        json.WriteString("ip", NodeIp(n));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("phase", "Running");
        var podIp = hostNetwork ? NodeIp(n) : string.Create(CultureInfo.InvariantCulture, $"10.{64 + (n / 256)}.{n % 256}.{p + 2}");
        json.WriteString("podIP", podIp);
        json.WriteStartArray("podIPs");
        json.WriteStartObject();
        json.WriteString("ip", podIp);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("qosClass", "Burstable");
        json.WriteString("startTime", Time);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Container(Utf8JsonWriter json, int p, string image, bool hostNetwork)
    {
        json.WriteStartObject();
        json.WriteStartArray("args");
        json.WriteStringValue(p == 2 ? "--web.listen-address=:9100" : "--v=2");
        json.WriteStringValue("--log-format=json");
        json.WriteEndArray();
        json.WriteStartArray("env");
        foreach (var (name, field) in (ReadOnlySpan<(string, string)>)[("NODE_NAME", "spec.nodeName"), ("POD_NAMESPACE", "metadata.namespace")])
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteStartObject("valueFrom");
            json.WriteStartObject("fieldRef");
            json.WriteString("apiVersion", "v1");
            json.WriteString("fieldPath", field);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("image", image);
        json.WriteString("imagePullPolicy", "IfNotPresent");
        json.WriteStartObject("livenessProbe");
        json.WriteNumber("failureThreshold", 3);
        json.WriteStartObject("httpGet");
        json.WriteString("path", "/healthz");
        json.WriteNumber("port", p == 2 ? 9100 : p == 1 ? 9099 : 8080);
        json.WriteString("scheme", "HTTP");
        json.WriteEndObject();
        json.WriteNumber("periodSeconds", 10);
        json.WriteNumber("successThreshold", 1);
        json.WriteNumber("timeoutSeconds", 1);
        json.WriteEndObject();
        json.WriteString("name", "app");
        if (p >= 2)
        {
            json.WriteStartArray("ports");
            json.WriteStartObject();
            json.WriteNumber("containerPort", p == 2 ? 9100 : 8080);
            if (p == 2 || p == 29)
            {
                json.WriteNumber("hostPort", p == 2 ? 9100 : 8443);
            }

            json.WriteString("name", p == 2 ? "metrics" : "http");
            json.WriteString("protocol", "TCP");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("resources");
        json.WriteStartObject("limits");
        json.WriteString("memory", "256Mi");
        json.WriteEndObject();
        json.WriteStartObject("requests");
        json.WriteString("cpu", hostNetwork ? "50m" : "100m");
        json.WriteString("memory", "128Mi");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("securityContext");
        json.WriteBoolean("allowPrivilegeEscalation", false);
        json.WriteBoolean("readOnlyRootFilesystem", true);
        json.WriteEndObject();
        json.WriteString("terminationMessagePath", "/dev/termination-log");
        json.WriteString("terminationMessagePolicy", "File");
        json.WriteStartArray("volumeMounts");
        json.WriteStartObject();
        json.WriteString("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount");
        json.WriteString("name", "kube-api-access-" + Suffix(p));
        json.WriteBoolean("readOnly", true);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Service(Utf8JsonWriter json, int s)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"app-{s:D3}");
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "Service");
        json.WriteStartObject("metadata");
        json.WriteString("name", name);
        json.WriteString("namespace", Ns(1 + (s % 19)));
        json.WriteEndObject();
        json.WriteStartObject("spec");
        json.WriteString("clusterIP", string.Create(CultureInfo.InvariantCulture, $"10.96.{s / 256}.{s % 256}"));
        json.WriteStartArray("ports");
        json.WriteStartObject();
        json.WriteString("name", "http");
        if (s % 10 == 0)
        {
            json.WriteNumber("nodePort", 30000 + s);
        }

        json.WriteNumber("port", 80);
        json.WriteString("protocol", "TCP");
        json.WriteNumber("targetPort", 8080);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("selector");
        json.WriteString("app", name);
        json.WriteEndObject();
        json.WriteString("type", s % 10 == 0 ? "NodePort" : "ClusterIP");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Two or three managedFields entries with field sets the size of real ones (about 1.5 KB each as printed).</summary>
    private static void ManagedFields(Utf8JsonWriter json, string[] managers, int entries)
    {
        json.WriteStartArray("managedFields");
        for (var i = 0; i < entries; i++)
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", "v1");
            json.WriteString("fieldsType", "FieldsV1");
            json.WriteStartObject("fieldsV1");
            json.WriteStartObject(i == entries - 1 ? "f:status" : "f:metadata");
            foreach (var field in (string[])["f:conditions", "f:labels", "f:containerStatuses", "f:podIPs"])
            {
                json.WriteStartObject(field);
                json.WriteStartObject(".");
                json.WriteEndObject();
                json.WriteStartObject("k:{\"type\":\"Ready\"}");
                json.WriteStartObject(".");
                json.WriteEndObject();
                json.WriteStartObject("f:lastTransitionTime");
                json.WriteEndObject();
                json.WriteStartObject("f:status");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("manager", managers[i % managers.Length]);
            json.WriteString("operation", "Update");
            if (i == entries - 1)
            {
                json.WriteString("subresource", "status");
            }

            json.WriteString("time", Time);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Address(Utf8JsonWriter json, string address, string type)
    {
        json.WriteStartObject();
        json.WriteString("address", address);
        json.WriteString("type", type);
        json.WriteEndObject();
    }

    private static void Resources(Utf8JsonWriter json, string name, string cpu, string memory, string pods)
    {
        json.WriteStartObject(name);
        json.WriteString("cpu", cpu);
        json.WriteString("ephemeral-storage", "95551679124");
        json.WriteString("hugepages-1Gi", "0");
        json.WriteString("hugepages-2Mi", "0");
        json.WriteString("memory", memory);
        json.WriteString("pods", pods);
        json.WriteEndObject();
    }

    private static string Suffix(int value)
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[value % Alphabet.Length];
            value = (value / Alphabet.Length) + (i * 7919);
        }

        return new string(chars);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Uid(string seed)
    {
        // FNV-1a: string.GetHashCode differs from process to process, and the bytes must not.
        var hash = 2166136261u;
        foreach (var c in seed)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{hash:x8}-{hash >> 16:x4}-4{hash & 0xfff:x3}-a{(hash >> 4) & 0xfff:x3}-{hash:x8}{hash >> 8:x4}");
    }
}
