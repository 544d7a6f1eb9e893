using System.Collections.Frozen;
using Hostnet.Core.Documents;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>Builds the typed model from a document. Kinds hostnet does not analyse read as null.</summary>
public static class ObjectReader
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
        MappingEntry phase = default, hostIp = default, podIp = default, conditions = default, initStatuses = default, statuses = default;
        var entries = EntriesOf(Fields.Map(document.Root, "status"));
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref entries[i];
            switch (entry.Key)
            {
                case "phase":
                    phase = entry;
                    break;
                case "hostIP":
                    hostIp = entry;
                    break;
                case "podIP":
                    podIp = entry;
                    break;
                case "conditions":
                    conditions = entry;
                    break;
                case "initContainerStatuses":
                    initStatuses = entry;
                    break;
                case "containerStatuses":
                    statuses = entry;
                    break;
            }
        }

        return new PodStatus(
            Fields.String(phase) ?? "Pending",
            Fields.String(Fields.Map(document.Root, "metadata"), "deletionTimestamp") is not null,
            Fields.String(hostIp),
            Fields.String(podIp),
            ReadConditions(conditions))
        {
            ContainerStatuses = ReadContainerStatuses(initStatuses, statuses),
        };
    }

    /// <summary>The mapping items of <c>initContainerStatuses</c>, then those of <c>containerStatuses</c>, in one array.</summary>
    private static ContainerStatus[] ReadContainerStatuses(in MappingEntry initStatuses, in MappingEntry statuses)
    {
        var init = Mappings(initStatuses, 0, static (c, _, _) => ReadContainerStatus(c));
        var regular = Mappings(statuses, 0, static (c, _, _) => ReadContainerStatus(c));
        return init.Length == 0 ? regular : regular.Length == 0 ? init : [.. init, .. regular];
    }

    private static ContainerStatus ReadContainerStatus(SourceMapping status)
    {
        Find(status.Entries, "name", out var name, "containerID", out var containerId, "state", out var state);

        var running = Fields.Map(Fields.Map(state), "running");
        return new ContainerStatus(
            Fields.String(name) ?? string.Empty,
            Fields.String(containerId),
            running is not null,
            Rfc3339Time.Parse(Fields.String(running, "startedAt")));
    }

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

        return new WorkloadStatus(Controller(ReadOwnerReferences(document)), counts, ReadConditions(Fields.Entry(status, "conditions")));
    }

    /// <summary>The first owner that is the object's controller.</summary>
    private static OwnerReference? Controller(IReadOnlyList<OwnerReference> owners)
    {
        for (var i = 0; i < owners.Count; i++)
        {
            if (owners[i].Controller)
            {
                return owners[i];
            }
        }

        return null;
    }

    private static PodCondition[] ReadConditions(in MappingEntry conditions) =>
        Mappings(conditions, 0, static (c, _, _) => ReadCondition(c));

    private static PodCondition ReadCondition(SourceMapping condition)
    {
        Find(condition.Entries, "type", out var type, "status", out var status, "reason", out var reason, "message", out var message);

        return new PodCondition(Fields.String(type) ?? string.Empty, Fields.String(status) ?? string.Empty, Fields.String(reason), Fields.String(message));
    }

    /// <summary>The object's <c>metadata.ownerReferences</c>.</summary>
    public static IReadOnlyList<OwnerReference> ReadOwnerReferences(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Mappings(Fields.Entry(Fields.Map(document.Root, "metadata"), "ownerReferences"), 0, static (o, _, _) => ReadOwnerReference(o));
    }

    private static OwnerReference ReadOwnerReference(SourceMapping owner)
    {
        Find(owner.Entries, "kind", out var kind, "name", out var name, "controller", out var controller);

        return new OwnerReference(Fields.String(kind) ?? string.Empty, Fields.String(name) ?? string.Empty, Fields.Bool(controller) ?? false);
    }

    private static readonly LabelSelector EmptySelector = new(FrozenDictionary<string, string>.Empty, []);

    private static readonly (string Hook, string Source)[] Hooks = [("postStart", "lifecycle.postStart"), ("preStop", "lifecycle.preStop")];

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

    private static ObjectMeta ReadMeta(SourceMapping? metadata)
    {
        if (metadata is null)
        {
            return ObjectMeta.Empty;
        }

        MappingEntry name = default, @namespace = default, labels = default, annotations = default, uid = default;
        var entries = EntriesOf(metadata);
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref entries[i];
            switch (entry.Key)
            {
                case "name":
                    name = entry;
                    break;
                case "namespace":
                    @namespace = entry;
                    break;
                case "labels":
                    labels = entry;
                    break;
                case "annotations":
                    annotations = entry;
                    break;
                case "uid":
                    uid = entry;
                    break;
            }
        }

        return new ObjectMeta(Fields.String(name), Fields.String(@namespace), Fields.StringMap(labels), Fields.StringMap(annotations))
        {
            Uid = Fields.String(uid),
        };
    }

    /// <summary>
    /// The entries of a mapping (none for null), for the readers that find a mapping's fields in one pass over them:
    /// a lookup per field scanned the entries once per field. They walk the entries backwards, so that of a key
    /// written twice the first entry is the one kept, as <see cref="SourceMapping.TryGetEntry"/> finds it.
    /// </summary>
    private static ReadOnlySpan<MappingEntry> EntriesOf(SourceMapping? mapping) => mapping is null ? default : mapping.Entries;

    /// <summary>
    /// The entries of a small mapping's keys, found in one walk of its entries, backwards so that the first of a key
    /// written twice wins (as <see cref="SourceMapping.TryGetEntry"/> finds it); a key that is not there leaves its
    /// entry default. The large mappings (a pod spec, a container, metadata) walk with a <c>switch</c> of their own.
    /// </summary>
    private static void Find(ReadOnlySpan<MappingEntry> entries, string key1, out MappingEntry entry1, string key2, out MappingEntry entry2, string? key3, out MappingEntry entry3, string? key4, out MappingEntry entry4)
    {
        entry1 = entry2 = entry3 = entry4 = default;
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref entries[i];
            var key = entry.Key;
            if (key == key1)
            {
                entry1 = entry;
            }
            else if (key == key2)
            {
                entry2 = entry;
            }
            else if (key == key3)
            {
                entry3 = entry;
            }
            else if (key == key4)
            {
                entry4 = entry;
            }
        }
    }

    /// <inheritdoc cref="Find(ReadOnlySpan{MappingEntry}, string, out MappingEntry, string, out MappingEntry, string?, out MappingEntry, string?, out MappingEntry)"/>
    private static void Find(ReadOnlySpan<MappingEntry> entries, string key1, out MappingEntry entry1, string key2, out MappingEntry entry2, string key3, out MappingEntry entry3) =>
        Find(entries, key1, out entry1, key2, out entry2, key3, out entry3, null, out _);

    /// <inheritdoc cref="Find(ReadOnlySpan{MappingEntry}, string, out MappingEntry, string, out MappingEntry, string?, out MappingEntry, string?, out MappingEntry)"/>
    private static void Find(ReadOnlySpan<MappingEntry> entries, string key1, out MappingEntry entry1, string key2, out MappingEntry entry2) =>
        Find(entries, key1, out entry1, key2, out entry2, null, out _, null, out _);

    private static LabelSelector? ReadSelector(SourceMapping? selector) => selector is null
        ? null
        : new LabelSelector(Fields.StringMap(selector, "matchLabels"), ReadRequirements(selector, "matchExpressions"));

    private static LabelSelectorRequirement[] ReadRequirements(SourceMapping? owner, string key) => ReadRequirements(Fields.Entry(owner, key));

    private static LabelSelectorRequirement[] ReadRequirements(in MappingEntry requirements) =>
        Mappings(requirements, 0, static (e, _, _) => ReadRequirement(e));

    private static LabelSelectorRequirement ReadRequirement(SourceMapping requirement)
    {
        Find(requirement.Entries, "key", out var key, "operator", out var @operator, "values", out var values);

        return new LabelSelectorRequirement(Fields.String(key) ?? string.Empty, Fields.String(@operator) ?? string.Empty, Fields.Strings(values));
    }

    /// <summary>A term of <c>nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms</c>.</summary>
    private static NodeSelectorTerm ReadNodeSelectorTerm(SourceMapping term)
    {
        Find(term.Entries, "matchExpressions", out var matchExpressions, "matchFields", out var matchFields);

        return new NodeSelectorTerm(ReadRequirements(matchExpressions), ReadRequirements(matchFields));
    }

    private static PodSpec ReadPodSpec(SourceMapping? spec, string path)
    {
        MappingEntry affinityEntry = default, securityContext = default, hostNetwork = default, hostPid = default, hostIpc = default, hostUsers = default,
            dnsPolicy = default, dnsConfig = default, nodeName = default, priorityClassName = default, containers = default, initContainers = default,
            ephemeralContainers = default, nodeSelector = default, tolerations = default, volumes = default, os = default, hostname = default,
            subdomain = default, hostnameOverride = default, setHostnameAsFqdn = default, hostAliases = default, spreadConstraints = default,
            priority = default, preemptionPolicy = default;
        var entries = EntriesOf(spec);
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref entries[i];
            switch (entry.Key)
            {
                case "affinity":
                    affinityEntry = entry;
                    break;
                case "securityContext":
                    securityContext = entry;
                    break;
                case "hostNetwork":
                    hostNetwork = entry;
                    break;
                case "hostPID":
                    hostPid = entry;
                    break;
                case "hostIPC":
                    hostIpc = entry;
                    break;
                case "hostUsers":
                    hostUsers = entry;
                    break;
                case "dnsPolicy":
                    dnsPolicy = entry;
                    break;
                case "dnsConfig":
                    dnsConfig = entry;
                    break;
                case "nodeName":
                    nodeName = entry;
                    break;
                case "priorityClassName":
                    priorityClassName = entry;
                    break;
                case "containers":
                    containers = entry;
                    break;
                case "initContainers":
                    initContainers = entry;
                    break;
                case "ephemeralContainers":
                    ephemeralContainers = entry;
                    break;
                case "nodeSelector":
                    nodeSelector = entry;
                    break;
                case "tolerations":
                    tolerations = entry;
                    break;
                case "volumes":
                    volumes = entry;
                    break;
                case "os":
                    os = entry;
                    break;
                case "hostname":
                    hostname = entry;
                    break;
                case "subdomain":
                    subdomain = entry;
                    break;
                case "hostnameOverride":
                    hostnameOverride = entry;
                    break;
                case "setHostnameAsFQDN":
                    setHostnameAsFqdn = entry;
                    break;
                case "hostAliases":
                    hostAliases = entry;
                    break;
                case "topologySpreadConstraints":
                    spreadConstraints = entry;
                    break;
                case "priority":
                    priority = entry;
                    break;
                case "preemptionPolicy":
                    preemptionPolicy = entry;
                    break;
            }
        }

        var affinity = Fields.Map(affinityEntry);
        var requiredNode = Fields.Map(Fields.Map(affinity, "nodeAffinity"), "requiredDuringSchedulingIgnoredDuringExecution");
        var podSecurity = Fields.Map(securityContext);
        return new PodSpec(
            path,
            Fields.Bool(hostNetwork) ?? false,
            Fields.Bool(hostPid) ?? false,
            Fields.Bool(hostIpc) ?? false,
            Fields.Bool(hostUsers),
            Fields.String(dnsPolicy),
            ReadDnsConfig(Fields.Map(dnsConfig), path),
            Fields.String(nodeName),
            Fields.String(priorityClassName),
            ReadContainers(containers, path, "containers", ContainerKind.Regular),
            ReadContainers(initContainers, path, "initContainers", ContainerKind.Init),
            ReadContainers(ephemeralContainers, path, "ephemeralContainers", ContainerKind.Ephemeral),
            Fields.StringMap(nodeSelector),
            Mappings(requiredNode, "nodeSelectorTerms", 0, static (t, _, _) => ReadNodeSelectorTerm(t)),
            ReadPodAffinityTerms(Fields.Map(affinity, "podAntiAffinity")),
            Mappings(tolerations, 0, static (t, _, _) => ReadToleration(t)),
            ReadSecurityContext(podSecurity),
            Mappings(podSecurity, "sysctls", path, static (s, i, path) => new Sysctl(Fields.Index(Fields.Join(path, "securityContext"), "sysctls", i), Fields.String(s, "name") ?? string.Empty, Fields.String(s, "value"))))
        {
            Volumes = ReadVolumes(volumes, path),
            OsName = Fields.String(Fields.Map(os), "name"),
            Hostname = Fields.String(hostname),
            Subdomain = Fields.String(subdomain),
            HostnameOverride = Fields.String(hostnameOverride),
            SetHostnameAsFqdn = Fields.Bool(setHostnameAsFqdn),
            HostAliases = Mappings(hostAliases, path, static (a, i, path) => new HostAlias(Fields.Index(path, "hostAliases", i), Fields.String(a, "ip") ?? string.Empty, Fields.Strings(a, "hostnames"))),
            RequiredPodAffinity = ReadPodAffinityTerms(Fields.Map(affinity, "podAffinity")),
            TopologySpreadConstraints = ReadSpreadConstraints(spreadConstraints),
            Priority = Fields.Int(priority),
            PreemptionPolicy = Fields.String(preemptionPolicy),
        };
    }

    private static Toleration ReadToleration(SourceMapping toleration)
    {
        Find(toleration.Entries, "key", out var key, "operator", out var @operator, "value", out var value, "effect", out var effect);

        return new Toleration(Fields.String(key), Fields.String(@operator), Fields.String(value), Fields.String(effect));
    }

    private static PodAffinityTerm[] ReadPodAffinityTerms(SourceMapping? affinity) =>
        Mappings(affinity, "requiredDuringSchedulingIgnoredDuringExecution", 0, static (t, _, _) => new PodAffinityTerm(ReadSelector(Fields.Map(t, "labelSelector")), Fields.String(t, "topologyKey") ?? string.Empty, Fields.Strings(t, "namespaces"))
        {
            NamespaceSelector = ReadSelector(Fields.Map(t, "namespaceSelector")),
            MatchLabelKeys = Fields.Strings(t, "matchLabelKeys"),
            MismatchLabelKeys = Fields.Strings(t, "mismatchLabelKeys"),
        });

    private static TopologySpreadConstraint[] ReadSpreadConstraints(in MappingEntry constraints) =>
        Mappings(constraints, 0, static (c, _, _) => new TopologySpreadConstraint(
            Fields.Int(c, "maxSkew") ?? 0,
            Fields.String(c, "topologyKey") ?? string.Empty,
            Fields.String(c, "whenUnsatisfiable") ?? string.Empty,
            ReadSelector(Fields.Map(c, "labelSelector")),
            Fields.Int(c, "minDomains"),
            Fields.Strings(c, "matchLabelKeys"),
            Fields.String(c, "nodeAffinityPolicy"),
            Fields.String(c, "nodeTaintsPolicy")));

    /// <summary>The pod's <c>dnsConfig</c>; its path is made only when it is there (most pods have none).</summary>
    private static DnsConfig? ReadDnsConfig(SourceMapping? config, string specPath) => config is null
        ? null
        : new DnsConfig(
            Fields.Join(specPath, "dnsConfig"),
            Fields.Strings(config, "nameservers"),
            Fields.Strings(config, "searches"),
            Mappings(config, "options", 0, static (o, _, _) => new DnsOption(Fields.String(o, "name") ?? string.Empty, Fields.String(o, "value"))));

    private static SecurityContext ReadSecurityContext(SourceMapping? context)
    {
        if (context is null)
        {
            return SecurityContext.Empty;
        }

        MappingEntry privileged = default, runAsUser = default, runAsNonRoot = default, capabilitiesEntry = default, allowPrivilegeEscalation = default,
            procMount = default, seccompProfile = default, appArmorProfile = default, seLinuxOptions = default, windowsOptions = default;
        var entries = EntriesOf(context);
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref entries[i];
            switch (entry.Key)
            {
                case "privileged":
                    privileged = entry;
                    break;
                case "runAsUser":
                    runAsUser = entry;
                    break;
                case "runAsNonRoot":
                    runAsNonRoot = entry;
                    break;
                case "capabilities":
                    capabilitiesEntry = entry;
                    break;
                case "allowPrivilegeEscalation":
                    allowPrivilegeEscalation = entry;
                    break;
                case "procMount":
                    procMount = entry;
                    break;
                case "seccompProfile":
                    seccompProfile = entry;
                    break;
                case "appArmorProfile":
                    appArmorProfile = entry;
                    break;
                case "seLinuxOptions":
                    seLinuxOptions = entry;
                    break;
                case "windowsOptions":
                    windowsOptions = entry;
                    break;
            }
        }

        var capabilities = Fields.Map(capabilitiesEntry);
        var seLinux = Fields.Map(seLinuxOptions);
        return new SecurityContext(
            Fields.Bool(privileged),
            Fields.Long(runAsUser),
            Fields.Bool(runAsNonRoot),
            Fields.Strings(capabilities, "add"),
            Fields.Strings(capabilities, "drop"))
        {
            AllowPrivilegeEscalation = Fields.Bool(allowPrivilegeEscalation),
            ProcMount = Fields.String(procMount),
            SeccompProfileType = ProfileType(Fields.Map(seccompProfile)),
            AppArmorProfileType = ProfileType(Fields.Map(appArmorProfile)),
            SeLinuxOptions = seLinux is null
                ? null
                : new SeLinuxOptions(Fields.String(seLinux, "user") ?? string.Empty, Fields.String(seLinux, "role") ?? string.Empty, Fields.String(seLinux, "type") ?? string.Empty),
            WindowsHostProcess = Fields.Bool(Fields.Map(windowsOptions), "hostProcess"),
        };
    }

    /// <summary>A profile's <c>type</c>: empty when the profile is written without one, null when absent.</summary>
    private static string? ProfileType(SourceMapping? profile) => profile is null ? null : Fields.String(profile, "type") ?? string.Empty;

    private static Volume[] ReadVolumes(in MappingEntry volumes, string specPath) =>
        Items(volumes, specPath, static (volume, index, specPath) => new Volume(
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

    private static Container[] ReadContainers(in MappingEntry containers, string specPath, string list, ContainerKind kind) =>
        Items(containers, (specPath, list, kind), static (container, index, at) => ReadContainer(container, Fields.Index(at.specPath, at.list, index), at.kind));

    private static Container ReadContainer(SourceMapping? container, string path, ContainerKind kind)
    {
        MappingEntry name = default, image = default, restartPolicy = default, ports = default, command = default, args = default, env = default,
            livenessProbe = default, readinessProbe = default, startupProbe = default, lifecycle = default, securityContext = default, resourcesEntry = default;
        var entries = EntriesOf(container);
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref entries[i];
            switch (entry.Key)
            {
                case "name":
                    name = entry;
                    break;
                case "image":
                    image = entry;
                    break;
                case "restartPolicy":
                    restartPolicy = entry;
                    break;
                case "ports":
                    ports = entry;
                    break;
                case "command":
                    command = entry;
                    break;
                case "args":
                    args = entry;
                    break;
                case "env":
                    env = entry;
                    break;
                case "livenessProbe":
                    livenessProbe = entry;
                    break;
                case "readinessProbe":
                    readinessProbe = entry;
                    break;
                case "startupProbe":
                    startupProbe = entry;
                    break;
                case "lifecycle":
                    lifecycle = entry;
                    break;
                case "securityContext":
                    securityContext = entry;
                    break;
                case "resources":
                    resourcesEntry = entry;
                    break;
            }
        }

        Find(EntriesOf(Fields.Map(resourcesEntry)), "requests", out var requests, "limits", out var limits);

        return new Container(
            path,
            kind,
            Fields.String(name) ?? string.Empty,
            Fields.String(image),
            Fields.String(restartPolicy),
            Items(ports, path, static (port, index, path) => ReadPort(port, Fields.Index(path, "ports", index))),
            Fields.StringItems(command),
            Fields.StringItems(args),
            Mappings(env, path, static (e, index, path) => ReadEnvVar(e, Fields.Index(path, "env", index))),
            ReadNetworkHandlers(path, Fields.Map(livenessProbe), Fields.Map(readinessProbe), Fields.Map(startupProbe), Fields.Map(lifecycle)),
            ReadSecurityContext(Fields.Map(securityContext)))
        {
            Requests = Fields.StringMap(requests),
            Limits = Fields.StringMap(limits),
        };
    }

    private static EnvVar ReadEnvVar(SourceMapping variable, string path)
    {
        Find(variable.Entries, "name", out var name, "value", out var value);

        return new EnvVar(path, Fields.String(name) ?? string.Empty, Fields.String(value));
    }

    private static ContainerPort ReadPort(SourceMapping? port, string path)
    {
        MappingEntry name = default, containerPort = default, hostPort = default, hostIp = default, protocol = default;
        var entries = EntriesOf(port);
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            ref readonly var entry = ref entries[i];
            switch (entry.Key)
            {
                case "name":
                    name = entry;
                    break;
                case "containerPort":
                    containerPort = entry;
                    break;
                case "hostPort":
                    hostPort = entry;
                    break;
                case "hostIP":
                    hostIp = entry;
                    break;
                case "protocol":
                    protocol = entry;
                    break;
            }
        }

        return new(
            path,
            Fields.String(name),
            Fields.Int(containerPort) ?? 0,
            Fields.Int(hostPort) ?? 0,
            Fields.String(hostIp) ?? string.Empty,
            Fields.String(protocol) ?? string.Empty,
            Fields.IsUndecodableInt(containerPort) || Fields.IsUndecodableInt(hostPort));
    }

    /// <summary>The handlers of the container's probes (liveness, readiness, startup), then of its lifecycle hooks.</summary>
    private static ProbeHandler[] ReadNetworkHandlers(string path, SourceMapping? liveness, SourceMapping? readiness, SourceMapping? startup, SourceMapping? lifecycle)
    {
        // Most containers have none, or one or two: the array grows from empty and is cut to size at the end.
        ProbeHandler[] handlers = [];
        var count = 0;
        AddHandlers(ref handlers, ref count, liveness, path, "livenessProbe");
        AddHandlers(ref handlers, ref count, readiness, path, "readinessProbe");
        AddHandlers(ref handlers, ref count, startup, path, "startupProbe");
        foreach (var (hook, source) in Hooks)
        {
            AddHandlers(ref handlers, ref count, Fields.Map(lifecycle, hook), path, source);
        }

        return count == handlers.Length ? handlers : handlers[..count];
    }

    /// <summary>The handlers of one probe or hook, in the order httpGet, tcpSocket, grpc; <paramref name="source"/> is its path below the container.</summary>
    private static void AddHandlers(ref ProbeHandler[] handlers, ref int count, SourceMapping? probe, string containerPath, string source)
    {
        Find(EntriesOf(probe), "httpGet", out var httpGet, "tcpSocket", out var tcpSocket, "grpc", out var grpc);

        AddHandler(ref handlers, ref count, Fields.Map(httpGet), containerPath, source, "httpGet");
        AddHandler(ref handlers, ref count, Fields.Map(tcpSocket), containerPath, source, "tcpSocket");
        AddHandler(ref handlers, ref count, Fields.Map(grpc), containerPath, source, "grpc");
    }

    /// <summary>The handler of one action (<c>httpGet</c>, …) of a probe or hook, when it names a port.</summary>
    private static void AddHandler(ref ProbeHandler[] handlers, ref int count, SourceMapping? handler, string containerPath, string source, string action)
    {
        Find(EntriesOf(handler), "port", out var port, "host", out var host);

        if (Fields.IntOrString(port) is not { } value)
        {
            return;
        }

        if (count == handlers.Length)
        {
            Array.Resize(ref handlers, Math.Max(1, 2 * count));
        }

        handlers[count++] = new ProbeHandler(Fields.Join(Fields.Join(containerPath, source), action), source, action, value, Fields.String(host));
    }

    /// <summary>
    /// The mapping items of a list, each read with its index among them (items of other types are skipped): one array
    /// of exact size, no iterator or closure (<paramref name="state"/> carries what <paramref name="read"/> needs).
    /// </summary>
    private static T[] Mappings<TState, T>(SourceMapping? owner, string key, TState state, Func<SourceMapping, int, TState, T> read) =>
        Mappings(Fields.Entry(owner, key), state, read);

    /// <inheritdoc cref="Mappings{TState, T}(SourceMapping?, string, TState, Func{SourceMapping, int, TState, T})"/>
    private static T[] Mappings<TState, T>(in MappingEntry list, TState state, Func<SourceMapping, int, TState, T> read)
    {
        var items = Fields.List(list);
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
    private static T[] Items<TState, T>(in MappingEntry list, TState state, Func<SourceMapping?, int, TState, T> read)
    {
        var items = Fields.List(list);
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
        return new Node(
            document,
            metadata,
            Fields.Bool(spec, "unschedulable") ?? false,
            Mappings(spec, "taints", 0, static (t, _, _) => new Taint(Fields.String(t, "key") ?? string.Empty, Fields.String(t, "value") ?? string.Empty, Fields.String(t, "effect") ?? string.Empty)),
            Fields.StringMap(status, "allocatable"),
            InternalIp(status),
            Fields.String(spec, "podCIDR"));
    }

    /// <summary>The <c>address</c> of the first mapping in <c>status.addresses</c> whose <c>type</c> is <c>InternalIP</c>.</summary>
    private static string? InternalIp(SourceMapping? status)
    {
        foreach (var address in Fields.List(status, "addresses"))
        {
            if (address is SourceMapping mapping && Fields.String(mapping, "type") == "InternalIP")
            {
                return Fields.String(mapping, "address");
            }
        }

        return null;
    }
}
