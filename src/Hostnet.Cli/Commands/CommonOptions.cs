using System.CommandLine;
using System.Net;
using Hostnet.Core.Model;

namespace Hostnet.Cli.Commands;

/// <summary>
/// The options several commands share, each defined once: the manifest paths, <c>--format</c>, <c>--output</c>,
/// <c>--fail-on</c>, <c>--config</c>, <c>--kube-version</c> and <c>--cluster</c>. A command sets those it takes (its own
/// help text where it says more than the shared one), lists them in its own order, and reads them with <see cref="Read"/>.
/// </summary>
internal sealed class CommonOptions
{
    public const string MirrorsVersion = "Kubernetes version to mirror, e.g. 1.30";

    public static string MirrorsVersionByDefault { get; } = $"{MirrorsVersion} (default {Hostnet.Core.Model.KubeVersion.Latest})";

    public const string ExitOnFinding = "Exit 1 when a finding is at or above this severity";

    private readonly Argument<string[]>? _paths;
    private readonly Option<string>? _format;
    private readonly Option<string?>? _output;
    private readonly Option<string>? _failOn;
    private readonly Option<string?>? _config;
    private readonly Option<string?>? _kubeVersion;
    private readonly Option<string?>? _cluster;

    public Argument<string[]> Paths { get => _paths ?? throw NotTaken(); init => _paths = value; }

    public Option<string> Format { get => _format ?? throw NotTaken(); init => _format = value; }

    public Option<string?> Output { get => _output ?? throw NotTaken(); init => _output = value; }

    public Option<string> FailOn { get => _failOn ?? throw NotTaken(); init => _failOn = value; }

    public Option<string?> Config { get => _config ?? throw NotTaken(); init => _config = value; }

    public Option<string?> KubeVersion { get => _kubeVersion ?? throw NotTaken(); init => _kubeVersion = value; }

    public Option<string?> Cluster { get => _cluster ?? throw NotTaken(); init => _cluster = value; }

    /// <summary>Files, folders or <c>-</c>, one or more; a word that looks like an option is refused rather than taken for a missing file.</summary>
    public static Argument<string[]> ManifestPaths()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (recursive *.yaml, *.yml, *.json) or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"unknown option '{token.Value}' (for a file whose name starts with '-', write ./{token.Value})");
            }
        });
        return paths;
    }

    public static Option<string> FormatOf(params string[] choices) => ChoiceOption.Create("--format", "Output format", "text", choices, "-f");

    public static Option<string?> ReportOutput(string description = "Write the report to FILE instead of standard output") =>
        new("--output", "-o") { Description = description, HelpName = "FILE" };

    public static Option<string> FailOnOf(string description = ExitOnFinding) =>
        ChoiceOption.Create("--fail-on", description, "error", ["error", "warning", "info", "none"]);

    public static Option<string?> ConfigFile(string description = "Use this .hostnet.yaml instead of searching upward") =>
        new("--config") { Description = description, HelpName = "FILE" };

    public static Option<string?> KubeVersionOf(string description) => new("--kube-version") { HelpName = "1.N", Description = description };

    public static Option<string?> ClusterSnapshot(string description, string helpName = "FILE|-") =>
        new("--cluster") { Description = description, HelpName = helpName };

    /// <summary>The values of the options this command takes; those it does not take read as absent.</summary>
    public RunRequest Read(ParseResult result) => new(
        _paths is null ? [] : result.GetValue(_paths) ?? [],
        _format is null ? "text" : result.GetRequiredValue(_format),
        _output is null ? null : result.GetValue(_output),
        _failOn is null ? "none" : result.GetRequiredValue(_failOn),
        _config is null ? null : result.GetValue(_config),
        _kubeVersion is null ? null : result.GetValue(_kubeVersion),
        _cluster is null ? null : result.GetValue(_cluster));

    /// <summary><c>:8443</c>, <c>0.0.0.0:8443</c>, <c>[::]:8443</c> → the endpoint (<c>webhook --listen</c>, <c>agent --listen</c>).</summary>
    public static bool TryParseListen(string text, out IPEndPoint endpoint)
    {
        if (text.StartsWith(':'))
        {
            text = "0.0.0.0" + text;
        }

        return IPEndPoint.TryParse(text, out endpoint!) && text.Contains(':', StringComparison.Ordinal);
    }

    // A command that lists an option it did not set is a bug of hostnet's, found by the first test that builds it.
    private static InvalidOperationException NotTaken() => new("this command does not take that option");
}
