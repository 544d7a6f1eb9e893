using Hostnet.Cli.Commands;
using Hostnet.Core.Analysis;
using Hostnet.Core.Configuration;
using Hostnet.Core.Model;

namespace Hostnet.Cli.Input;

/// <summary>
/// The run set-up every analysing command shares: the options (<c>.hostnet.yaml</c>, <c>--kube-version</c>), then the
/// cluster (<c>--cluster FILE|-</c>, or the live one when the command reads it), then the cluster's server version as
/// the version to mirror unless <c>--kube-version</c> says otherwise (<see cref="RunSetup"/>). Problems go to standard
/// error; null means the command exits 2.
/// </summary>
internal static class RunInputs
{
    /// <summary>A live cluster read, or null after saying why it failed.</summary>
    public delegate Task<ClusterSnapshot?> LiveRead(CancellationToken cancellationToken);

    public static RunContext? Load(RunRequest request, CliEnvironment environment) =>
        LoadAsync(request, environment, live: null, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<RunContext?> LoadAsync(RunRequest request, CliEnvironment environment, LiveRead? live, CancellationToken cancellationToken)
    {
        if (AnalysisOptionsLoader.Load(request.ConfigPath, request.KubeVersion, environment) is not { } options)
        {
            return null;
        }

        var snapshot = await ClusterAsync(request, environment, live, options.DefaultNamespace, cancellationToken).ConfigureAwait(false);
        if (snapshot is null && (request.ClusterPath is not null || live is not null))
        {
            return null;
        }

        return new RunContext(RunSetup.ForCluster(options, request.KubeVersion, snapshot), snapshot);
    }

    /// <summary>The cluster of <c>--cluster</c> (objects without a namespace in <paramref name="defaultNamespace"/>), else the live one (when the command reads it), else none.</summary>
    public static async Task<ClusterSnapshot?> ClusterAsync(RunRequest request, CliEnvironment environment, LiveRead? live, string defaultNamespace, CancellationToken cancellationToken)
    {
        if (request.ClusterPath is not null)
        {
            return ClusterInput.Load(request.ClusterPath, environment, defaultNamespace);
        }

        return live is null ? null : await live(cancellationToken).ConfigureAwait(false);
    }
}
