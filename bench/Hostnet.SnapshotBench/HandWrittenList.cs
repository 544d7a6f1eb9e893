using Hostnet.Kube.Config;
using Hostnet.Kube.Http;
using Hostnet.Kube.Listing;
using Hostnet.Kube.Snapshot;

namespace Hostnet.SnapshotBench;

/// <summary>hostnet's own list path (<see cref="ListPager"/>: each page parsed into a <c>JsonDocument</c>, items handed over as elements) without writing anything.</summary>
internal static class HandWrittenList
{
    public static async Task<int> ListOnlyAsync(string kubeconfig)
    {
        var options = new KubeConnectionOptions(kubeconfig, null, Environment.GetEnvironmentVariable, InClusterConfig.DefaultDirectory, false, TimeProvider.System);
        using var client = new KubeApiClient(KubeConnectionResolver.Resolve(options), KubeClientOptions.Default);
        var pager = new ListPager(client);
        var count = 0;
        foreach (var resource in SnapshotResources.All)
        {
            count += await pager.ListAsync(resource, _ => { }, null, CancellationToken.None);
        }

        return count;
    }
}
