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
    }
}
