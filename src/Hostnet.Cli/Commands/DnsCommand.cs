using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Cli.Output;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;
using Hostnet.Core.Runs;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet dns FILE | --host-network --dns-policy P …</c>: the resolv.conf the kubelet has the runtime write for a
/// pod (on standard output, byte for byte) and why, with its hostname and /etc/hosts (on standard error), or the same
/// as JSON (docs/dns.md).
/// </summary>
internal static class DnsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var dns = new DnsOptions();
        var common = new CommonOptions { KubeVersion = CommonOptions.KubeVersionOf(CommonOptions.MirrorsVersionByDefault), Format = CommonOptions.FormatOf("text", "json") };
        var command = new Command("dns", "Print the resolv.conf the kubelet writes for a pod, and why")
        {
            dns.File, dns.Name, dns.HostNetwork, dns.DnsPolicy, dns.Nameservers, dns.Searches, dns.DnsConfigOptions, dns.Hostname, dns.Subdomain,
            dns.Namespace, dns.ClusterDomain, dns.ClusterDns, dns.ResolvConf, common.KubeVersion, common.Format,
        };
        command.Validators.Add(dns.RefuseFlagsBesideFile);
        command.SetAction(result => Run(result, dns, common.Read(result), environment));
        return command;
    }

    private static int Run(ParseResult result, DnsOptions dns, RunRequest request, CliEnvironment environment)
    {
        var version = KubeVersion.Latest;
        if (request.KubeVersion is { } kubeVersion && !AnalysisOptionsLoader.TryParseKubeVersion(kubeVersion, environment, out version))
        {
            return ExitCodes.Invalid;
        }

        var resolvConfPath = result.GetValue(dns.ResolvConf);
        var host = ResolvConfInput.Read(resolvConfPath, environment, out var resolverPath, out var problem);
        var workload = problem is null && result.GetValue(dns.File) is { } file ? WorkloadInput.Read(file, result.GetValue(dns.Name), environment, out problem) : null;
        var report = problem is null
            ? DnsQuery.Report(workload, result.GetValue(dns.Namespace), dns.Pod(result), new KubeletDnsSettings(dns.ClusterDnsOf(result), result.GetRequiredValue(dns.ClusterDomain), resolverPath, host!, version), out problem)
            : null;
        if (report is null)
        {
            environment.Error.WriteLine($"hostnet: {problem}");
            return ExitCodes.Invalid;
        }

        if (request.Format == "json")
        {
            DnsJsonWriter.Write(report, environment.Output);
        }
        else
        {
            DnsTextOutput.Write(report, resolvConfPath is null, environment);
        }

        return report.Fails ? ExitCodes.Findings : ExitCodes.Success;
    }
}
