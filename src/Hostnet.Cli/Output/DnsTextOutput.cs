using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Cli.Output;

/// <summary><c>hostnet dns</c> as text: the resolv.conf on standard output, byte for byte, and why on standard error.</summary>
internal static class DnsTextOutput
{
    /// <summary>The file on standard output exactly as the runtime writes it; everything else on standard error.</summary>
    public static void Write(PodDnsReport report, bool typicalNode, CliEnvironment environment)
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

        if (report.Hosts is { } hosts)
        {
            WriteHosts(hosts, notes);
        }
    }

    /// <summary>The hostname and the /etc/hosts the containers get, the file indented under a comment.</summary>
    private static void WriteHosts(PodHosts hosts, TextWriter notes)
    {
        if (hosts.Error is not null)
        {
            notes.WriteLine($"# Hostname: none, no sandbox starts: {hosts.Error}");
            return;
        }

        notes.WriteLine($"# Hostname: {hosts.Hostname ?? "the node's"}{(hosts.Fqdn is null ? string.Empty : $" (hostname -f: {hosts.Fqdn})")}");
        notes.WriteLine(hosts.Hostname is null
            ? "# /etc/hosts, as the kubelet writes it from the node's own when the pod starts:"
            : $"# /etc/hosts, as the kubelet writes it ({PodHosts.PodIp} is the pod's IP):");
        foreach (var line in hosts.HostsFile.TrimEnd('\n').Split('\n'))
        {
            notes.WriteLine(line.Length == 0 ? "#" : $"#   {line}");
        }
    }
}
