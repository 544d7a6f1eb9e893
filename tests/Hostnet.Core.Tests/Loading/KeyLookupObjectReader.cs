using System.Collections.Frozen;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// The oracle of <see cref="ObjectReaderDifferentialTests"/>: <see cref="ObjectReader"/> as it was before it read each
/// mapping in one pass (6 Dec 2026), every field looked up by key with <see cref="SourceMapping.TryGetEntry"/>.
/// </summary>
internal static class KeyLookupObjectReader
{
    public static KubeObject? Read(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        var metadata = ReadMeta(Fields.Map(root, "metadata"));
        var spec = Fields.Map(root, "spec");
        return document.Kind switch
        {
            "Pod" => new Workload(document, metadata, new PodTemplate("metadata", metadata, ReadPodSpec(spec, "spec")), null, null, null),
            "Deployment" => ReadWorkload(document, metadata, spec, "spec.template", Strategy(spec, "strategy")),
            "DaemonSet" or "StatefulSet" => ReadWorkload(document, metadata, spec, "spec.template", Strategy(spec, "updateStrategy")),
            "ReplicaSet" or "ReplicationController" or "Job" => ReadWorkload(document, metadata, spec, "spec.template", null),
            "CronJob" => ReadWorkload(document, metadata, Fields.Map(Fields.Map(spec, "jobTemplate"), "spec"), "spec.jobTemplate.spec.template", null),
            "Service" => ReadService(document, metadata, spec),
            "NetworkPolicy" => new NetworkPolicy(document, metadata, ReadSelector(Fields.Map(spec, "podSelector")) ?? EmptySelector),
            "Namespace" => new NamespaceObject(document, metadata),
            "Node" => ReadNode(document, metadata, spec),
            "ConfigMap" when document.ApiVersion == "v1" => new ConfigMap(document, metadata, Fields.StringMap(root, "data")),
            _ => null,
        };
    }

    /// <summary>A pod's <c>status</c> as a snapshot records it, and whether <c>metadata.deletionTimestamp</c> marks it terminating.</summary>
    public static PodStatus ReadPodStatus(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var status = Fields.Map(document.Root, "status");
        return new PodStatus(
            Fields.String(status, "phase") ?? "Pending",
            Fields.String(Fields.Map(document.Root, "metadata"), "deletionTimestamp") is not null,
            Fields.String(status, "hostIP"),
            Fields.String(status, "podIP"),
            ReadConditions(status))
        {
            ContainerStatuses = [.. ReadContainerStatuses(status, "initContainerStatuses"), .. ReadContainerStatuses(status, "containerStatuses")],
        };
    }

    private static IEnumerable<ContainerStatus> ReadContainerStatuses(SourceMapping? status, string key) =>
        Fields.List(status, key).OfType<SourceMapping>().Select(c =>
        {
            var running = Fields.Map(Fields.Map(c, "state"), "running");
            return new ContainerStatus(
                Fields.String(c, "name") ?? string.Empty,
                Fields.String(c, "containerID"),
                running is not null,
                DateTimeOffset.TryParse(Fields.String(running, "startedAt"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var started) ? started : null);
        });

    /// <summary>
    /// A controller's <c>status</c> as a snapshot records it: its counts (<c>replicas</c>, <c>updatedReplicas</c>,
    /// <c>desiredNumberScheduled</c>, …, by field name), its conditions, and the controller that owns it.
    /// </summary>
    public static WorkloadStatus ReadWorkloadStatus(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var status = Fields.Map(document.Root, "status");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in status is null ? [] : status.Entries)
        {
            if (entry.TryGetScalar(out var scalar) && scalar.TryGetInt64(out var count) && count is >= 0 and <= int.MaxValue)
            {
                counts[entry.Key] = (int)count;
            }
        }

        return new WorkloadStatus(ReadOwnerReferences(document).FirstOrDefault(o => o.Controller), counts, ReadConditions(status));
    }

    private static PodCondition[] ReadConditions(SourceMapping? status) =>
        [.. Fields.List(status, "conditions").OfType<SourceMapping>()
            .Select(c => new PodCondition(Fields.String(c, "type") ?? string.Empty, Fields.String(c, "status") ?? string.Empty, Fields.String(c, "reason"), Fields.String(c, "message")))];

    /// <summary>The object's <c>metadata.ownerReferences</c>.</summary>
    public static IReadOnlyList<OwnerReference> ReadOwnerReferences(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Fields.List(Fields.Map(document.Root, "metadata"), "ownerReferences").OfType<SourceMapping>()
            .Select(o => new OwnerReference(Fields.String(o, "kind") ?? string.Empty, Fields.String(o, "name") ?? string.Empty, Fields.Bool(o, "controller") ?? false))
            .ToArray();
    }

    private static readonly LabelSelector EmptySelector = new(FrozenDictionary<string, string>.Empty, []);

    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];

    private static readonly (string Hook, string Source)[] Hooks = [("postStart", "lifecycle.postStart"), ("preStop", "lifecycle.preStop")];

    private static readonly string[] HandlerActions = ["httpGet", "tcpSocket", "grpc"];

    private static Workload ReadWorkload(ManifestDocument document, ObjectMeta metadata, SourceMapping? spec, string templatePath, RollingUpdate? strategy)
    {
        var template = Fields.Map(spec, "template");
        var podTemplate = new PodTemplate(
            Fields.Join(templatePath, "metadata"),
            ReadMeta(Fields.Map(template, "metadata")),
            ReadPodSpec(Fields.Map(template, "spec"), Fields.Join(templatePath, "spec")));
        var replicas = document.Kind is "Deployment" or "ReplicaSet" or "StatefulSet" or "ReplicationController"
            ? Fields.Int(spec, "replicas")
            : null;
        var selector = document.Kind == "ReplicationController"
            ? SelectorFromLabels(Fields.StringMap(spec, "selector"))
            : ReadSelector(Fields.Map(spec, "selector"));
        var isJob = document.Kind is "Job" or "CronJob";
        return new Workload(document, metadata, podTemplate, replicas, selector, strategy)
        {
            Parallelism = isJob ? Fields.Int(spec, "parallelism") : null,
            Completions = isJob ? Fields.Int(spec, "completions") : null,
            ProgressDeadlineSeconds = document.Kind == "Deployment" ? Fields.Int(spec, "progressDeadlineSeconds") : null,
            PodManagementPolicy = document.Kind == "StatefulSet" ? Fields.String(spec, "podManagementPolicy") : null,
        };
    }

    private static LabelSelector? SelectorFromLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? null : new LabelSelector(labels, []);

    private static RollingUpdate? Strategy(SourceMapping? spec, string key)
    {
        var strategy = Fields.Map(spec, key);
        if (strategy is null)
        {
            return null;
        }

        var rolling = Fields.Map(strategy, "rollingUpdate");
        return new RollingUpdate(
            Fields.Join("spec", key),
            Fields.String(strategy, "type"),
            Fields.IntOrString(rolling, "maxSurge"),
            Fields.IntOrString(rolling, "maxUnavailable"))
        {
            Partition = Fields.Int(rolling, "partition"),
        };
    }

    private static ObjectMeta ReadMeta(SourceMapping? metadata) => metadata is null
        ? ObjectMeta.Empty
        : new ObjectMeta(
            Fields.String(metadata, "name"),
            Fields.String(metadata, "namespace"),
            Fields.StringMap(metadata, "labels"),
            Fields.StringMap(metadata, "annotations"))
        {
            Uid = Fields.String(metadata, "uid"),
        };

    private static LabelSelector? ReadSelector(SourceMapping? selector) => selector is null
        ? null
        : new LabelSelector(Fields.StringMap(selector, "matchLabels"), ReadRequirements(selector, "matchExpressions"));

    private static LabelSelectorRequirement[] ReadRequirements(SourceMapping? owner, string key) =>
        Mappings(owner, key, 0, static (e, _, _) => new LabelSelectorRequirement(Fields.String(e, "key") ?? string.Empty, Fields.String(e, "operator") ?? string.Empty, Fields.Strings(e, "values")));

    private static PodSpec ReadPodSpec(SourceMapping? spec, string path)
    {
        var affinity = Fields.Map(spec, "affinity");
        var requiredNode = Fields.Map(Fields.Map(affinity, "nodeAffinity"), "requiredDuringSchedulingIgnoredDuringExecution");
        var podSecurity = Fields.Map(spec, "securityContext");
        return new PodSpec(
            path,
            Fields.Bool(spec, "hostNetwork") ?? false,
            Fields.Bool(spec, "hostPID") ?? false,
            Fields.Bool(spec, "hostIPC") ?? false,
            Fields.Bool(spec, "hostUsers"),
            Fields.String(spec, "dnsPolicy"),
            ReadDnsConfig(Fields.Map(spec, "dnsConfig"), Fields.Join(path, "dnsConfig")),
            Fields.String(spec, "nodeName"),
            Fields.String(spec, "priorityClassName"),
            ReadContainers(spec, path, "containers", ContainerKind.Regular),
            ReadContainers(spec, path, "initContainers", ContainerKind.Init),
            ReadContainers(spec, path, "ephemeralContainers", ContainerKind.Ephemeral),
            Fields.StringMap(spec, "nodeSelector"),
            Mappings(requiredNode, "nodeSelectorTerms", 0, static (t, _, _) => new NodeSelectorTerm(ReadRequirements(t, "matchExpressions"), ReadRequirements(t, "matchFields"))),
            ReadPodAffinityTerms(Fields.Map(affinity, "podAntiAffinity")),
            Mappings(spec, "tolerations", 0, static (t, _, _) => new Toleration(Fields.String(t, "key"), Fields.String(t, "operator"), Fields.String(t, "value"), Fields.String(t, "effect"))),
            ReadSecurityContext(podSecurity),
            Mappings(podSecurity, "sysctls", path, static (s, i, path) => new Sysctl(Fields.Index(Fields.Join(path, "securityContext"), "sysctls", i), Fields.String(s, "name") ?? string.Empty, Fields.String(s, "value"))))
        {
            Volumes = ReadVolumes(spec, path),
            OsName = Fields.String(Fields.Map(spec, "os"), "name"),
            Hostname = Fields.String(spec, "hostname"),
            Subdomain = Fields.String(spec, "subdomain"),
            HostnameOverride = Fields.String(spec, "hostnameOverride"),
            SetHostnameAsFqdn = Fields.Bool(spec, "setHostnameAsFQDN"),
            HostAliases = Mappings(spec, "hostAliases", path, static (a, i, path) => new HostAlias(Fields.Index(path, "hostAliases", i), Fields.String(a, "ip") ?? string.Empty, Fields.Strings(a, "hostnames"))),
            RequiredPodAffinity = ReadPodAffinityTerms(Fields.Map(affinity, "podAffinity")),
            TopologySpreadConstraints = ReadSpreadConstraints(spec),
            Priority = Fields.Int(spec, "priority"),
            PreemptionPolicy = Fields.String(spec, "preemptionPolicy"),
        };
    }

    private static PodAffinityTerm[] ReadPodAffinityTerms(SourceMapping? affinity) =>
        Mappings(affinity, "requiredDuringSchedulingIgnoredDuringExecution", 0, static (t, _, _) => new PodAffinityTerm(ReadSelector(Fields.Map(t, "labelSelector")), Fields.String(t, "topologyKey") ?? string.Empty, Fields.Strings(t, "namespaces"))
        {
            NamespaceSelector = ReadSelector(Fields.Map(t, "namespaceSelector")),
            MatchLabelKeys = Fields.Strings(t, "matchLabelKeys"),
            MismatchLabelKeys = Fields.Strings(t, "mismatchLabelKeys"),
        });

    private static TopologySpreadConstraint[] ReadSpreadConstraints(SourceMapping? spec) =>
        Mappings(spec, "topologySpreadConstraints", 0, static (c, _, _) => new TopologySpreadConstraint(
            Fields.Int(c, "maxSkew") ?? 0,
            Fields.String(c, "topologyKey") ?? string.Empty,
            Fields.String(c, "whenUnsatisfiable") ?? string.Empty,
            ReadSelector(Fields.Map(c, "labelSelector")),
            Fields.Int(c, "minDomains"),
            Fields.Strings(c, "matchLabelKeys"),
            Fields.String(c, "nodeAffinityPolicy"),
            Fields.String(c, "nodeTaintsPolicy")));

    private static DnsConfig? ReadDnsConfig(SourceMapping? config, string path) => config is null
        ? null
        : new DnsConfig(
            path,
            Fields.Strings(config, "nameservers"),
            Fields.Strings(config, "searches"),
            Mappings(config, "options", 0, static (o, _, _) => new DnsOption(Fields.String(o, "name") ?? string.Empty, Fields.String(o, "value"))));

    private static SecurityContext ReadSecurityContext(SourceMapping? context)
    {
        if (context is null)
        {
            return SecurityContext.Empty;
        }

        var capabilities = Fields.Map(context, "capabilities");
        var seLinux = Fields.Map(context, "seLinuxOptions");
        return new SecurityContext(
            Fields.Bool(context, "privileged"),
            Fields.Long(context, "runAsUser"),
            Fields.Bool(context, "runAsNonRoot"),
            Fields.Strings(capabilities, "add"),
            Fields.Strings(capabilities, "drop"))
        {
            AllowPrivilegeEscalation = Fields.Bool(context, "allowPrivilegeEscalation"),
            ProcMount = Fields.String(context, "procMount"),
            SeccompProfileType = ProfileType(Fields.Map(context, "seccompProfile")),
            AppArmorProfileType = ProfileType(Fields.Map(context, "appArmorProfile")),
            SeLinuxOptions = seLinux is null
                ? null
                : new SeLinuxOptions(Fields.String(seLinux, "user") ?? string.Empty, Fields.String(seLinux, "role") ?? string.Empty, Fields.String(seLinux, "type") ?? string.Empty),
            WindowsHostProcess = Fields.Bool(Fields.Map(context, "windowsOptions"), "hostProcess"),
        };
    }

    /// <summary>A profile's <c>type</c>: empty when the profile is written without one, null when absent.</summary>
    private static string? ProfileType(SourceMapping? profile) => profile is null ? null : Fields.String(profile, "type") ?? string.Empty;

    private static Volume[] ReadVolumes(SourceMapping? spec, string specPath) =>
        Items(spec, "volumes", specPath, static (volume, index, specPath) => new Volume(
            Fields.Index(specPath, "volumes", index),
            Fields.String(volume, "name") ?? string.Empty,
            VolumeSourceKeys(volume)));

    /// <summary>The volume's keys other than <c>name</c>: its source (<c>hostPath</c>, <c>emptyDir</c>, …).</summary>
    private static string[] VolumeSourceKeys(SourceMapping? volume)
    {
        if (volume is null)
        {
            return [];
        }

        var named = volume.TryGetEntry("name", out _) ? 1 : 0;
        if (volume.Count == named)
        {
            return [];
        }

        var keys = new string[volume.Count - named];
        var next = 0;
        foreach (var entry in volume.Entries)
        {
            if (entry.Key != "name")
            {
                keys[next++] = entry.Key;
            }
        }

        return keys;
    }

    private static Container[] ReadContainers(SourceMapping? spec, string specPath, string list, ContainerKind kind) =>
        Items(spec, list, (specPath, list, kind), static (container, index, at) => ReadContainer(container, Fields.Index(at.specPath, at.list, index), at.kind));

    private static Container ReadContainer(SourceMapping? container, string path, ContainerKind kind)
    {
        var resources = Fields.Map(container, "resources");
        return new Container(
            path,
            kind,
            Fields.String(container, "name") ?? string.Empty,
            Fields.String(container, "image"),
            Fields.String(container, "restartPolicy"),
            Items(container, "ports", path, static (port, index, path) => ReadPort(port, Fields.Index(path, "ports", index))),
            Fields.StringItems(container, "command"),
            Fields.StringItems(container, "args"),
            Mappings(container, "env", path, static (e, index, path) => new EnvVar(Fields.Index(path, "env", index), Fields.String(e, "name") ?? string.Empty, Fields.String(e, "value"))),
            ReadNetworkHandlers(container, path),
            ReadSecurityContext(Fields.Map(container, "securityContext")))
        {
            Requests = Fields.StringMap(resources, "requests"),
            Limits = Fields.StringMap(resources, "limits"),
        };
    }

    private static ContainerPort ReadPort(SourceMapping? port, string path) => new(
        path,
        Fields.String(port, "name"),
        Fields.Int(port, "containerPort") ?? 0,
        Fields.Int(port, "hostPort") ?? 0,
        Fields.String(port, "hostIP") ?? string.Empty,
        Fields.String(port, "protocol") ?? string.Empty,
        Fields.IsUndecodableInt(port, "containerPort") || Fields.IsUndecodableInt(port, "hostPort"));

    private static ProbeHandler[] ReadNetworkHandlers(SourceMapping? container, string path)
    {
        // Made on the first handler: most containers have none.
        List<ProbeHandler>? handlers = null;
        foreach (var probe in Probes)
        {
            AddHandlers(ref handlers, Fields.Map(container, probe), path, probe);
        }

        var lifecycle = Fields.Map(container, "lifecycle");
        foreach (var (hook, source) in Hooks)
        {
            AddHandlers(ref handlers, Fields.Map(lifecycle, hook), path, source);
        }

        return handlers is null ? [] : [.. handlers];
    }

    /// <summary>The handlers of one probe or hook; <paramref name="source"/> is its path below the container.</summary>
    private static void AddHandlers(ref List<ProbeHandler>? handlers, SourceMapping? probe, string containerPath, string source)
    {
        if (probe is null)
        {
            return;
        }

        foreach (var action in HandlerActions)
        {
            var handler = Fields.Map(probe, action);
            if (handler is not null && Fields.IntOrString(handler, "port") is { } port)
            {
                (handlers ??= []).Add(new ProbeHandler(Fields.Join(Fields.Join(containerPath, source), action), source, action, port, Fields.String(handler, "host")));
            }
        }
    }

    /// <summary>
    /// The mapping items of a list, each read with its index among them (items of other types are skipped): one array
    /// of exact size, no iterator or closure (<paramref name="state"/> carries what <paramref name="read"/> needs).
    /// </summary>
    private static T[] Mappings<TState, T>(SourceMapping? owner, string key, TState state, Func<SourceMapping, int, TState, T> read)
    {
        var items = Fields.List(owner, key);
        var count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            count += items[i] is SourceMapping ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is SourceMapping mapping)
            {
                result[next] = read(mapping, next, state);
                next++;
            }
        }

        return result;
    }

    /// <summary>Every item of a list, read with its index (an item that is not a mapping reads as null).</summary>
    private static T[] Items<TState, T>(SourceMapping? owner, string key, TState state, Func<SourceMapping?, int, TState, T> read)
    {
        var items = Fields.List(owner, key);
        if (items.Count == 0)
        {
            return [];
        }

        var result = new T[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = read(items[i] as SourceMapping, i, state);
        }

        return result;
    }

    private static Service ReadService(ManifestDocument document, ObjectMeta metadata, SourceMapping? spec)
    {
        var selector = Fields.Map(spec, "selector") is null ? null : Fields.StringMap(spec, "selector");
        var ports = Mappings(spec, "ports", 0, static (p, index, _) => new ServicePort(
            Fields.Index("spec", "ports", index),
            Fields.String(p, "name"),
            Fields.Int(p, "port") ?? 0,
            Fields.IntOrString(p, "targetPort"),
            Fields.Int(p, "nodePort") ?? 0,
            Fields.String(p, "protocol") ?? "TCP"));
        return new Service(document, metadata, Fields.String(spec, "type") ?? "ClusterIP", selector, ports, Fields.String(spec, "externalTrafficPolicy"));
    }

    private static Node ReadNode(ManifestDocument document, ObjectMeta metadata, SourceMapping? spec)
    {
        var status = Fields.Map(document.Root, "status");
        var internalIp = Fields.List(status, "addresses").OfType<SourceMapping>()
            .Where(a => Fields.String(a, "type") == "InternalIP")
            .Select(a => Fields.String(a, "address"))
            .FirstOrDefault();
        return new Node(
            document,
            metadata,
            Fields.Bool(spec, "unschedulable") ?? false,
            Mappings(spec, "taints", 0, static (t, _, _) => new Taint(Fields.String(t, "key") ?? string.Empty, Fields.String(t, "value") ?? string.Empty, Fields.String(t, "effect") ?? string.Empty)),
            Fields.StringMap(status, "allocatable"),
            internalIp,
            Fields.String(spec, "podCIDR"));
    }
}
