using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Core.Analysis;
using Hostnet.Core.Cluster;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Commands;

/// <summary><c>hostnet check PATH…|-</c>: every host-network pitfall, positioned, in the chosen format.</summary>
internal static class CheckCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (recursive *.yaml, *.yml, *.json) or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };

        // An unknown option would otherwise be taken for a path and reported as a missing file.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"unknown option '{token.Value}' (for a file whose name starts with '-', write ./{token.Value})");
            }
        });

        var format = ChoiceOption.Create("--format", "Output format", "text", ["text", "json", "sarif", "github"], "-f");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output", HelpName = "FILE" };
        var failOn = ChoiceOption.Create("--fail-on", "Exit 1 when a finding is at or above this severity", "error", ["error", "warning", "info", "none"]);
        var config = new Option<string?>("--config") { Description = "Use this .hostnet.yaml instead of searching upward", HelpName = "FILE" };
        var kubeVersion = new Option<string?>("--kube-version") { HelpName = "1.N", Description = $"Kubernetes version to mirror, e.g. 1.30 (default {KubeVersion.Latest})" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also say which documents were skipped and why" };
        var cluster = new Option<string?>("--cluster") { Description = "Check against this cluster snapshot (docs/cluster.md): its nodes are the nodes placement rules reason about", HelpName = "FILE|-" };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Exit 0 when the paths hold no manifest file (by default that is exit 2: a mistyped path must not pass CI)" };

        var command = new Command("check", "Find host-network pitfalls in manifests")
        {
            paths, format, output, failOn, config, kubeVersion, verbose, cluster, allowEmpty,
        };
        command.SetAction(result =>
        {
            var request = new CheckRequest(
                result.GetRequiredValue(paths),
                Enum.Parse<ReportFormat>(result.GetRequiredValue(format), ignoreCase: true),
                result.GetValue(output),
                result.GetRequiredValue(failOn),
                result.GetValue(config),
                result.GetValue(kubeVersion),
                result.GetValue(verbose),
                result.GetValue(cluster),
                result.GetValue(allowEmpty));
            return Run(request, environment);
        });
        return command;
    }

    private static int Run(CheckRequest request, CliEnvironment environment)
    {
        if (AnalysisOptionsLoader.Load(request.ConfigPath, request.KubeVersion, environment) is not { } options)
        {
            return ExitCodes.Invalid;
        }

        var snapshot = ClusterSnapshot.Empty;
        if (request.ClusterPath is not null)
        {
            if (ClusterInput.Load(request.ClusterPath, environment) is not { } cluster)
            {
                return ExitCodes.Invalid;
            }

            snapshot = cluster;
            if (request.KubeVersion is null && snapshot.ServerVersion is { } serverVersion)
            {
                options = options with { KubeVersion = serverVersion };
            }
        }

        var limits = LoaderLimits.Default;
        var collector = new InputCollector(environment, limits);
        var inputs = collector.Inputs(request.Paths);
        if (inputs.Count == 0 && !request.AllowEmpty)
        {
            environment.Error.WriteLine($"hostnet: no *.yaml, *.yml or *.json file in {string.Join(", ", request.Paths)}: nothing to check (--allow-empty makes this exit 0)");
            return ExitCodes.Invalid;
        }


        // Read and load file by file, each text dropped once parsed: what stays is the node trees (with positions).
        var readProblems = new InputProblem?[inputs.Count];
        var loaded = new ManifestLoader(limits).LoadAll(inputs.Count, i => collector.Read(inputs[i], out readProblems[i]))
            .OfType<LoadResult>()
            .ToList();

        // One input per unreadable path, so the summary counts every path given.
        loaded.AddRange(readProblems.OfType<InputProblem>().GroupBy(p => p.File, StringComparer.Ordinal).Select(g => new LoadResult([], [.. g], [])));

        var report = new ManifestChecker(options, RuleCatalog.Rules) { Cluster = snapshot }.Check(loaded);
        if (request.Verbose)
        {
            foreach (var skipped in report.Skipped)
            {
                environment.Error.WriteLine($"hostnet: skipped {skipped.File}:{skipped.Position}: {skipped.Reason}");
            }
        }

        var colour = request.OutputPath is null && request.Format == ReportFormat.Text && environment.OutputIsTerminal && !environment.NoColor;
        var writer = ReportWriters.For(request.Format, colour);

        // Only the text format quotes lines, and only of files with findings: those are read again when quoted.
        var byName = new Dictionary<string, InputSource>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            byName.TryAdd(input.Name, input);
        }

        var sources = new ReportSources(name => byName.TryGetValue(name, out var input) ? collector.Text(input) : null);
        if (request.OutputPath is null)
        {
            writer.Write(report, sources, environment.Output);
        }
        else if (!TryWriteFile(request.OutputPath, writer, report, sources, environment))
        {
            return ExitCodes.Invalid;
        }

        if (report.HasInputErrors)
        {
            return ExitCodes.Invalid;
        }

        return Threshold(request.FailOn) is { } threshold && report.Fails(threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Writes the report to <c>--output</c>, creating its folder (CI steps often name a fresh one).</summary>
    private static bool TryWriteFile(string outputPath, IReportWriter writer, CheckReport report, ReportSources sources, CliEnvironment environment)
    {
        try
        {
            var path = Path.GetFullPath(outputPath, environment.WorkingDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var file = new StreamWriter(path);
            writer.Write(report, sources, file);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"hostnet: cannot write {outputPath}: {error.Message}");
            return false;
        }
    }

    /// <summary>The severity <c>--fail-on</c> names (every command that reports findings takes it), or null for <c>none</c>.</summary>
    internal static Severity? Threshold(string failOn) => failOn switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };

    private sealed record CheckRequest(
        string[] Paths,
        ReportFormat Format,
        string? OutputPath,
        string FailOn,
        string? ConfigPath,
        string? KubeVersion,
        bool Verbose,
        string? ClusterPath,
        bool AllowEmpty);
}
