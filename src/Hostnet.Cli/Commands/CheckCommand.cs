using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Cli.Output;
using Hostnet.Core.Reporting;

namespace Hostnet.Cli.Commands;

/// <summary><c>hostnet check PATH…|-</c>: every host-network pitfall, positioned, in the chosen format.</summary>
internal static class CheckCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions
        {
            Paths = CommonOptions.ManifestPaths(),
            Format = CommonOptions.FormatOf("text", "json", "sarif", "github"),
            Output = CommonOptions.ReportOutput(),
            FailOn = CommonOptions.FailOnOf(),
            Config = CommonOptions.ConfigFile(),
            KubeVersion = CommonOptions.KubeVersionOf(CommonOptions.MirrorsVersionByDefault),
            Cluster = CommonOptions.ClusterSnapshot("Check against this cluster snapshot (docs/cluster.md): its nodes are the nodes placement rules reason about"),
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also say which documents were skipped and why" };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Exit 0 when the paths hold no manifest file (by default that is exit 2: a mistyped path must not pass CI)" };
        var command = new Command("check", "Find host-network pitfalls in manifests")
        {
            common.Paths, common.Format, common.Output, common.FailOn, common.Config, common.KubeVersion, verbose, common.Cluster, allowEmpty,
        };
        command.SetAction(result => Run(common.Read(result), result.GetValue(verbose), result.GetValue(allowEmpty), environment));
        return command;
    }

    private static int Run(RunRequest request, bool verbose, bool allowEmpty, CliEnvironment environment)
    {
        if (RunInputs.Load(request, environment) is not { } run
            || CheckedManifests.Check(request.Paths, run, allowEmpty, environment) is not (var report, var sources))
        {
            return ExitCodes.Invalid;
        }

        foreach (var skipped in report.Skipped.Where(_ => verbose))
        {
            environment.Error.WriteLine($"hostnet: skipped {skipped.File}:{skipped.Position}: {skipped.Reason}");
        }

        var format = Enum.Parse<ReportFormat>(request.Format, ignoreCase: true);
        var colour = request.OutputPath is null && format == ReportFormat.Text && environment.OutputIsTerminal && !environment.NoColor;
        var writer = ReportWriters.For(format, colour);
        if (request.OutputPath is null)
        {
            writer.Write(report, sources, environment.Output);
        }
        else if (!ReportFile.TryWrite(request.OutputPath, file => writer.Write(report, sources, file), environment))
        {
            return ExitCodes.Invalid;
        }

        return report.HasInputErrors ? ExitCodes.Invalid
            : request.Threshold is { } threshold && report.Fails(threshold) ? ExitCodes.Findings
            : ExitCodes.Success;
    }
}
