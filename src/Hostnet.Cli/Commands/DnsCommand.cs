using System.CommandLine;
using System.CommandLine.Parsing;
using Hostnet.Cli.Input;
using Hostnet.Cli.Output;
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
    /// <summary>kubeadm's defaults: the tenth address of 10.96.0.0/12 and cluster.local.</summary>
    public const string DefaultClusterDns = "10.96.0.10";

    public const string DefaultClusterDomain = "cluster.local";

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
        var common = new CommonOptions { KubeVersion = CommonOptions.KubeVersionOf(CommonOptions.MirrorsVersionByDefault), Format = CommonOptions.FormatOf("text", "json") };

        NameOption.MustBeLabels(hostname);
        NameOption.MustBeLabels(subdomain);
        NameOption.MustBeLabels(@namespace);
        NameOption.MustBeSubdomains(clusterDomain, allowEmpty: true);
        NameOption.MustBeAddresses(clusterDns, allowEmpty: true);

        var command = new Command("dns", "Print the resolv.conf the kubelet writes for a pod, and why")
        {
            file, name, hostNetwork, dnsPolicy, nameservers, searches, dnsOptions, hostname, subdomain, @namespace,
            clusterDomain, clusterDns, resolvConf, common.KubeVersion, common.Format,
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
                common.Read(result));
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
        if (request.Common.KubeVersion is { } kubeVersion && !AnalysisOptionsLoader.TryParseKubeVersion(kubeVersion, environment, out version))
        {
            return ExitCodes.Invalid;
        }

        var host = ResolvConfInput.Read(request.ResolvConfPath, environment, out var resolverPath, out var problem);
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
            var chosen = WorkloadInput.Read(request.File, request.Name, environment, out problem);
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
        if (request.Common.Format == "json")
        {
            DnsJsonWriter.Write(report, environment.Output);
        }
        else
        {
            DnsTextOutput.Write(report, request.ResolvConfPath is null, environment);
        }

        return report.Fails ? ExitCodes.Findings : ExitCodes.Success;
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
        RunRequest Common);
}
