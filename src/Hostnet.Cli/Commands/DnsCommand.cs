using System.CommandLine;
using System.CommandLine.Parsing;
using Hostnet.Cli.Input;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet dns FILE | --host-network --dns-policy P …</c>: the resolv.conf the kubelet has the runtime write for a
/// pod (on standard output, byte for byte) and why (on standard error), or the same as JSON.
/// </summary>
internal static class DnsCommand
{
    /// <summary>The kubelet's default <c>resolvConf</c> path, named in node events when no file is given.</summary>
    public const string DefaultResolvConfPath = "/etc/resolv.conf";

    /// <summary>hostnet's stand-in for a node's resolv.conf when none is given (documented in docs/dns.md).</summary>
    public const string TypicalNodeResolvConf = "nameserver 10.0.0.2\nsearch example.internal\n";

    /// <summary>kubeadm's defaults: the tenth address of 10.96.0.0/12 and cluster.local.</summary>
    public const string DefaultClusterDns = "10.96.0.10";

    public const string DefaultClusterDomain = "cluster.local";

    // The kubelet does not read files larger than this (maxResolveConfLength).
    private const long MaxResolvConfBytes = 10 << 20;

    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string?>("FILE") { Description = "A manifest with the pod or workload (or - for standard input)", Arity = ArgumentArity.ZeroOrOne };
        var name = new Option<string?>("--name") { Description = "The workload to use when FILE holds several", HelpName = "NAME" };
        var hostNetwork = new Option<bool>("--host-network") { Description = "Without FILE: the pod has hostNetwork: true" };
        var dnsPolicy = new Option<string?>("--dns-policy") { Description = "Without FILE: the pod's dnsPolicy (default ClusterFirst)", HelpName = "POLICY" };
        var nameservers = new Option<string[]>("--nameserver") { Description = "Without FILE: a dnsConfig nameserver (repeatable)", HelpName = "IP", AllowMultipleArgumentsPerToken = false };
        var searches = new Option<string[]>("--search") { Description = "Without FILE: a dnsConfig search domain (repeatable)", HelpName = "DOMAIN" };
        var dnsOptions = new Option<string[]>("--option") { Description = "Without FILE: a dnsConfig option NAME or NAME:VALUE (repeatable)", HelpName = "NAME[:VALUE]" };
        var hostname = new Option<string?>("--hostname") { Description = "Without FILE: the pod's spec.hostname", HelpName = "NAME" };
        var subdomain = new Option<string?>("--subdomain") { Description = "Without FILE: the pod's spec.subdomain", HelpName = "NAME" };
        var @namespace = new Option<string?>("--namespace", "-n") { Description = "The pod's namespace when the manifest does not say (default: default)", HelpName = "NAMESPACE" };
        var clusterDomain = new Option<string>("--cluster-domain") { Description = "The kubelet's clusterDomain; \"\" for none", DefaultValueFactory = _ => DefaultClusterDomain, HelpName = "DOMAIN" };
        var clusterDns = new Option<string[]>("--cluster-dns") { Description = $"The kubelet's clusterDNS address (repeatable); \"\" for none (default {DefaultClusterDns})", HelpName = "IP" };
        var resolvConf = new Option<string?>("--resolv-conf") { Description = "The node's resolv.conf as the kubelet reads it; \"\" as the kubelet's resolvConf: \"\" (default: a typical node's, see docs/dns.md)", HelpName = "FILE" };
        var kubeVersion = new Option<string?>("--kube-version") { HelpName = "1.N", Description = $"Kubernetes version to mirror, e.g. 1.30 (default {KubeVersion.Latest})" };
        var format = ChoiceOption.Create("--format", "Output format", "text", ["text", "json"], "-f");

        NameOption.MustBeLabels(hostname);
        NameOption.MustBeLabels(subdomain);
        NameOption.MustBeLabels(@namespace);
        NameOption.MustBeSubdomains(clusterDomain, allowEmpty: true);
        NameOption.MustBeAddresses(clusterDns, allowEmpty: true);

        var command = new Command("dns", "Print the resolv.conf the kubelet writes for a pod, and why")
        {
            file, name, hostNetwork, dnsPolicy, nameservers, searches, dnsOptions, hostname, subdomain, @namespace,
            clusterDomain, clusterDns, resolvConf, kubeVersion, format,
        };
        Option[] podFlags = [hostNetwork, dnsPolicy, nameservers, searches, dnsOptions, hostname, subdomain];
        command.Validators.Add(result =>
        {
            var given = podFlags.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            if (result.GetValue(file) is not null && given.Count > 0)
            {
                result.AddError($"{string.Join(", ", given)} describe a pod without FILE; edit the manifest instead");
            }
            else if (result.GetValue(file) is null && result.GetResult(name) is not null)
            {
                result.AddError("--name selects a workload of FILE; give FILE");
            }
        });
        command.SetAction(result =>
        {
            var request = new DnsRequest(
                result.GetValue(file),
                result.GetValue(name),
                new PodDnsRequest(
                    result.GetValue(dnsPolicy),
                    result.GetValue(hostNetwork),
                    result.GetValue(@namespace) ?? "default",
                    PodDnsConfig(result.GetValue(nameservers), result.GetValue(searches), result.GetValue(dnsOptions)),
                    result.GetValue(hostname),
                    result.GetValue(subdomain)),
                result.GetValue(@namespace),
                result.GetRequiredValue(clusterDomain),
                result.GetResult(clusterDns) is null ? [DefaultClusterDns] : [.. result.GetValue(clusterDns)!.Where(a => a.Length > 0)],
                result.GetValue(resolvConf),
                result.GetValue(kubeVersion),
                result.GetRequiredValue(format) == "json");
            return Run(request, environment);
        });
        return command;
    }

    private static DnsConfig? PodDnsConfig(string[]? nameservers, string[]? searches, string[]? options)
    {
        if (nameservers is not { Length: > 0 } && searches is not { Length: > 0 } && options is not { Length: > 0 })
        {
            return null;
        }

        return new DnsConfig(
            "spec.dnsConfig",
            nameservers ?? [],
            searches ?? [],
            [.. (options ?? []).Select(o => o.Split(':', 2) is [var key, var value] ? new DnsOption(key, value) : new DnsOption(o, null))]);
    }

    private static int Run(DnsRequest request, CliEnvironment environment)
    {
        var version = KubeVersion.Latest;
        if (request.KubeVersion is not null && !AnalysisOptionsLoader.TryParseKubeVersion(request.KubeVersion, environment, out version))
        {
            return ExitCodes.Invalid;
        }

        var host = ReadResolvConf(request.ResolvConfPath, environment, out var resolverPath, out var problem);
        if (problem is not null)
        {
            return Fail(environment, problem);
        }

        var kubelet = new KubeletDnsSettings(request.ClusterDns, request.ClusterDomain, resolverPath, host!, version);
        string? workload = null;
        var specPath = "spec";
        var pod = request.Pod;
        if (request.File is not null)
        {
            var chosen = ReadWorkload(request, environment, out problem);
            if (chosen is null)
            {
                return Fail(environment, problem!);
            }

            var written = chosen.Metadata.Namespace;
            if (written is not null && request.Namespace is not null && written != request.Namespace)
            {
                // kubectl's own refusal for the same mismatch.
                return Fail(environment, $"the namespace from the provided object \"{written}\" does not match the namespace \"{request.Namespace}\". You must pass '--namespace={written}' to perform this operation.");
            }

            workload = chosen.DisplayName;
            specPath = chosen.Spec.Path;
            pod = PodDnsRequest.For(chosen.Spec, written ?? request.Namespace ?? "default");
        }

        var report = PodDnsReport.Build(workload, pod, specPath, kubelet);
        if (request.Json)
        {
            DnsJsonWriter.Write(report, environment.Output);
        }
        else
        {
            WriteText(report, request.ResolvConfPath is null, environment);
        }

        return report.Fails ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>The file on standard output exactly as the runtime writes it; everything else on standard error.</summary>
    private static void WriteText(PodDnsReport report, bool typicalNode, CliEnvironment environment)
    {
        if (report.Result?.Config is { } config)
        {
            environment.Output.Write(config.Render());
        }

        var notes = environment.Error;
        if (report.Workload is not null)
        {
            notes.WriteLine($"# {report.Workload} in namespace {report.Pod.Namespace}");
        }

        foreach (var error in report.ApiErrors)
        {
            notes.WriteLine($"# The API rejects it: {error}");
        }

        foreach (var sentence in report.Explanation)
        {
            notes.WriteLine($"# {sentence}");
        }

        foreach (var warning in report.Warnings)
        {
            notes.WriteLine($"# Warning  {warning.Reason}  ({warning.InvolvedObject})  {warning.Message}");
        }

        if (typicalNode && report.Result?.Config is not null)
        {
            notes.WriteLine("# The node's resolv.conf is taken to be \"nameserver 10.0.0.2, search example.internal\"; give yours with --resolv-conf FILE.");
        }
    }

    private static ParsedResolvConf? ReadResolvConf(string? path, CliEnvironment environment, out string resolverPath, out string? problem)
    {
        problem = null;
        resolverPath = path ?? DefaultResolvConfPath;
        if (path is null)
        {
            return ResolvConf.Parse(TypicalNodeResolvConf);
        }

        if (path.Length == 0)
        {
            return new ParsedResolvConf(ResolvConf.Empty, null);
        }

        try
        {
            var full = Path.GetFullPath(path, environment.WorkingDirectory);
            if (new FileInfo(full).Length > MaxResolvConfBytes)
            {
                problem = $"{path}: larger than the 10 MiB the kubelet reads";
                return null;
            }

            return ResolvConf.Parse(File.ReadAllText(full));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read {path}: {(error is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : error.Message)}";
            return null;
        }
    }

    private static Workload? ReadWorkload(DnsRequest request, CliEnvironment environment, out string? problem)
    {
        problem = null;
        var limits = LoaderLimits.Default;
        var (files, readProblems) = new InputCollector(environment, limits).Collect([request.File!]);
        var loaded = new ManifestLoader(limits).LoadAll(files);
        var first = readProblems.Concat(loaded.SelectMany(l => l.Problems)).FirstOrDefault();
        if (first is not null)
        {
            problem = $"{first.File}:{first.Position}: {first.Message}";
            return null;
        }

        var workloads = loaded.SelectMany(l => l.Documents).Select(ObjectReader.Read).OfType<Workload>().ToList();
        if (request.Name is not null)
        {
            workloads = [.. workloads.Where(w => w.Name == request.Name)];
        }

        if (workloads.Count == 1)
        {
            return workloads[0];
        }

        problem = workloads.Count == 0
            ? $"{request.File} has no pod or workload{(request.Name is null ? string.Empty : $" named '{request.Name}'")}"
            : request.Name is null
                ? $"{request.File} has {workloads.Count} workloads ({string.Join(", ", workloads.Select(w => w.DisplayName))}); choose one with --name"
                : $"{request.File} has {workloads.Count} workloads named '{request.Name}' ({string.Join(", ", workloads.Select(w => $"{w.DisplayName} in {w.Source.File}"))}); give the file that holds the one you mean";
        return null;
    }

    private static int Fail(CliEnvironment environment, string message)
    {
        environment.Error.WriteLine($"hostnet: {message}");
        return ExitCodes.Invalid;
    }

    private sealed record DnsRequest(
        string? File,
        string? Name,
        PodDnsRequest Pod,
        string? Namespace,
        string ClusterDomain,
        IReadOnlyList<string> ClusterDns,
        string? ResolvConfPath,
        string? KubeVersion,
        bool Json);
}
