using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Model;

namespace Hostnet.Core.Configuration;

/// <summary>
/// The options of a run, set up the same way by every command: <c>.hostnet.yaml</c> over the defaults (its
/// <c>kubeVersion</c>, <c>defaultNamespace</c>, rule levels and reserved ports), then <c>--kube-version</c>, else the
/// server version a cluster snapshot recorded: that cluster is the Kubernetes whose behaviour matters.
/// </summary>
public static class RunSetup
{
    /// <summary>The options, or null with the one line that says why <c>--kube-version</c> cannot be used.</summary>
    public static AnalysisOptions? Options(HostnetConfig config, string? kubeVersion, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(config);
        problem = null;
        var options = config.ApplyTo(AnalysisOptions.Default);
        if (kubeVersion is null)
        {
            return options;
        }

        return TryParseKubeVersion(kubeVersion, out var version, out problem) ? options with { KubeVersion = version } : null;
    }

    /// <summary>The options for a run over <paramref name="snapshot"/>: its server version unless <c>--kube-version</c> was given.</summary>
    public static AnalysisOptions ForCluster(AnalysisOptions options, string? kubeVersion, ClusterSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return kubeVersion is null && snapshot?.ServerVersion is { } serverVersion ? options with { KubeVersion = serverVersion } : options;
    }

    /// <summary>Parses <c>--kube-version</c>; a malformed one, or one older than <see cref="KubeVersion.Oldest"/>, gives the problem to print.</summary>
    public static bool TryParseKubeVersion(string text, out KubeVersion version, out string? problem)
    {
        problem = null;
        if (!KubeVersion.TryParse(text, out version))
        {
            problem = $"--kube-version must look like 1.30, not '{text}'";
            return false;
        }

        if (version < KubeVersion.Oldest)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"--kube-version {version} is older than {KubeVersion.Oldest}, the oldest release whose behaviour hostnet mirrors ({KubeVersion.Oldest} to {KubeVersion.Latest})");
            return false;
        }

        return true;
    }
}
