using Hostnet.Core.Diagnostics;

namespace Hostnet.Cli.Commands;

/// <summary>What a run was asked for through the <see cref="CommonOptions"/>.</summary>
internal sealed record RunRequest(
    string[] Paths,
    string Format,
    string? OutputPath,
    string FailOn,
    string? ConfigPath,
    string? KubeVersion,
    string? ClusterPath)
{
    public Severity? Threshold => ThresholdOf(FailOn);

    /// <summary>The severity <c>--fail-on</c> names, or null for <c>none</c>.</summary>
    public static Severity? ThresholdOf(string failOn) => failOn switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };
}
