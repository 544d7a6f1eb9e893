using System.Globalization;
using System.Text;

namespace Hostnet.Bench.Workload;

/// <summary>
/// Writes the P1 workload: exactly <see cref="WorkloadPlan.Resources"/> documents in exactly
/// <see cref="WorkloadPlan.Files"/> files of 1–10 documents, the same bytes for the same seed.
/// About 100 resources per namespace, so the per-namespace indexes (Services to workloads, Pod Security)
/// and the cluster-wide host-port index all have real work at every size.
/// </summary>
internal sealed class ManifestGenerator(WorkloadPlan plan)
{
    private const int ResourcesPerNamespace = 100;

    private static readonly string[] Teams =
        ["billing", "checkout", "search", "identity", "payments", "catalog", "observability", "network", "storage", "ingest", "media", "ledger", "fleet", "edge", "ml"];

    private static readonly string[] Components =
        ["api", "worker", "gateway", "scheduler", "indexer", "proxy", "collector", "controller", "cache", "frontend", "backend", "notifier"];

    private static readonly string[] Agents =
        ["node-exporter", "log-shipper", "cni-agent", "dns-cache", "lb-speaker", "metrics-agent", "security-agent", "bgp-speaker", "csi-node", "gpu-monitor"];

    private static readonly string[] PortNames = ["http", "metrics", "grpc"];

    public GeneratedSet Write(string directory)
    {
        if (plan.Files < 1 || plan.Resources < plan.Files || plan.Resources > plan.Files * 10)
        {
            throw new InvalidOperationException("files of 1 to 10 documents cannot hold that many resources");
        }

        var random = new Random(plan.Seed);
        var objects = new List<GeneratedObject>(plan.Resources + 8);
        var namespaces = Objects(random, objects);
        objects.RemoveRange(plan.Resources, objects.Count - plan.Resources);
        var counts = DocumentsPerFile(random);

        Directory.CreateDirectory(directory);
        var bytes = 0L;
        var next = 0;
        var text = new StringBuilder();
        for (var file = 0; file < counts.Length; file++)
        {
            var documents = objects.GetRange(next, counts[file]);
            next += counts[file];
            text.Clear();
            FileText(random, documents, text);
            var folder = Path.Combine(directory, documents[0].Namespace);
            Directory.CreateDirectory(folder);
            var extension = random.NextDouble() < 0.1 ? ".yml" : ".yaml";
            var name = string.Create(CultureInfo.InvariantCulture, $"{file:D5}-{documents[0].Name}{extension}");
            File.WriteAllText(Path.Combine(folder, name), text.ToString());
            bytes += text.Length;
        }

        var kinds = objects.GroupBy(o => o.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new GeneratedSet(
            directory,
            counts.Length,
            objects.Count,
            bytes,
            kinds,
            objects.Count(o => o.Kind is "Deployment" or "DaemonSet"),
            objects.Count(o => o.HostNetwork),
            namespaces.Count,
            namespaces.Count(n => n.PodSecurityEnforce is not null || n.PodSecurityWarn is not null));
    }

    private List<NamespacePlan> Objects(Random random, List<GeneratedObject> objects)
    {
        var templates = new ManifestTemplates(random);
        var ports = new HostPortAllocator(random);
        var namespaceCount = Math.Max(2, plan.Resources / ResourcesPerNamespace);
        var namespaces = new List<NamespacePlan>(namespaceCount);
        for (var n = 0; n < namespaceCount; n++)
        {
            var space = NewNamespace(random, n);
            namespaces.Add(space);
            objects.Add(new GeneratedObject(space.Name, "Namespace", space.Name, ManifestTemplates.Namespace(space), false));
            var end = (int)((long)(n + 1) * plan.Resources / namespaceCount);
            string? previous = null;
            for (var index = 0; objects.Count < end; index++)
            {
                var app = NewApp(random, ports, space, index);
                var sidecar = random.NextDouble() < 0.3 ? NewPort(random, ports, app.HostNetwork, "statsd", "UDP") : null;
                if (random.NextDouble() < 0.2)
                {
                    objects.Add(new GeneratedObject(space.Name, "ConfigMap", app.Name + "-config", templates.ConfigMap(app), false));
                }

                if (random.NextDouble() < 0.85)
                {
                    objects.Add(new GeneratedObject(space.Name, "Service", app.Name, templates.Service(app), false));
                }

                var kind = app.IsDaemonSet ? "DaemonSet" : "Deployment";
                objects.Add(new GeneratedObject(space.Name, kind, app.Name, templates.Workload(app, sidecar), app.HostNetwork));
                if (random.NextDouble() < 0.5)
                {
                    objects.Add(new GeneratedObject(space.Name, "NetworkPolicy", app.Name + "-ingress", templates.NetworkPolicy(app, previous ?? app.Name), false));
                }

                previous = app.Name;
            }
        }

        return namespaces;
    }

    private static NamespacePlan NewNamespace(Random random, int index)
    {
        var team = Teams[index % Teams.Length];
        var platform = index % 5 == 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"{(platform ? "platform-" : string.Empty)}{team}-{index}");
        var roll = random.NextDouble();
        if (platform)
        {
            return new NamespacePlan(name, team, true, roll < 0.5 ? "privileged" : null, null);
        }

        return roll switch
        {
            < 0.18 => new NamespacePlan(name, team, false, "baseline", "restricted"),
            < 0.30 => new NamespacePlan(name, team, false, "restricted", "restricted"),
            < 0.50 => new NamespacePlan(name, team, false, null, "restricted"),
            _ => new NamespacePlan(name, team, false, null, null),
        };
    }

    /// <summary>Platform namespaces: 55 % DaemonSets, mostly host network. Others: few DaemonSets, 16 % host-network Deployments (≈ 30 % overall).</summary>
    private static AppPlan NewApp(Random random, HostPortAllocator ports, NamespacePlan space, int index)
    {
        var daemonSet = random.NextDouble() < (space.IsPlatform ? 0.55 : 0.08);
        var hostNetwork = random.NextDouble() < (daemonSet ? (space.IsPlatform ? 0.9 : 0.5) : (space.IsPlatform ? 0.5 : 0.16));
        var name = daemonSet
            ? string.Create(CultureInfo.InvariantCulture, $"{Agents[random.Next(Agents.Length)]}-{index}")
            : string.Create(CultureInfo.InvariantCulture, $"{space.Team}-{Components[random.Next(Components.Length)]}-{index}");
        var portCount = random.NextDouble() switch
        {
            < 0.1 => 0,
            < 0.55 => 1,
            < 0.88 => 2,
            _ => 3,
        };
        var declared = new List<PortPlan>(portCount);
        for (var i = 0; i < portCount; i++)
        {
            declared.Add(NewPort(random, ports, hostNetwork, PortNames[i], random.NextDouble() < 0.05 ? "UDP" : "TCP"));
        }

        string? pool = null;
        if ((hostNetwork && !daemonSet && random.NextDouble() < 0.7) || (daemonSet && random.NextDouble() < 0.2))
        {
            pool = string.Create(CultureInfo.InvariantCulture, $"pool-{random.Next(10)}");
        }

        var replicas = daemonSet ? 0 : random.Next(1, hostNetwork ? 4 : 7);
        return new AppPlan(space.Name, name, space.Team, daemonSet, hostNetwork, replicas, declared, pool);
    }

    /// <summary>Host-network ports come from the host-port estate; a few ordinary pods also ask for a host port.</summary>
    private static PortPlan NewPort(Random random, HostPortAllocator ports, bool hostNetwork, string name, string protocol)
    {
        if (hostNetwork)
        {
            return new PortPlan(name, ports.Next(), protocol, random.NextDouble() < 0.6);
        }

        if (random.NextDouble() < 0.04)
        {
            return new PortPlan(name, ports.Next(), protocol, true);
        }

        var number = name switch
        {
            "http" => 8080,
            "metrics" => 9090,
            "grpc" => 50051,
            _ => 9102,
        };
        return new PortPlan(name, number, protocol, false);
    }

    /// <summary>Uniform 1–9 documents per file, then nudged (within 1–10) until the total is exact.</summary>
    private int[] DocumentsPerFile(Random random)
    {
        var counts = new int[plan.Files];
        var total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = random.Next(1, 10);
            total += counts[i];
        }

        while (total != plan.Resources)
        {
            var i = random.Next(counts.Length);
            if (total < plan.Resources && counts[i] < 10)
            {
                counts[i]++;
                total++;
            }
            else if (total > plan.Resources && counts[i] > 1)
            {
                counts[i]--;
                total--;
            }
        }

        return counts;
    }

    /// <summary>Helm-template style (<c>---</c> and a <c># Source:</c> comment before each document) or Kustomize style.</summary>
    private static void FileText(Random random, List<GeneratedObject> documents, StringBuilder text)
    {
        var helm = random.NextDouble() < 0.4;
        if (!helm && random.NextDouble() < 0.2)
        {
            text.Append("# Managed by the platform team. Do not edit by hand: changes are overwritten on the next sync.\n");
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (helm)
            {
                text.Append("---\n# Source: ").Append(document.Namespace).Append("/templates/").Append(document.Kind.ToLowerInvariant()).Append(".yaml\n");
            }
            else if (i > 0)
            {
                text.Append("---\n");
            }

            text.Append(document.Text);
        }
    }
}
