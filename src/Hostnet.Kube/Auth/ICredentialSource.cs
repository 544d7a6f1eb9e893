namespace Hostnet.Kube.Auth;

/// <summary>Gives the credentials for the next request; sources that can rotate (token files, exec plugins) do so here.</summary>
public interface ICredentialSource
{
    ValueTask<Credentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called after a 401 with the credentials that were rejected: a source that can fetch new ones does so and returns
    /// true (client-go's exec round tripper refreshes once on 401), others return false.
    /// </summary>
    ValueTask<bool> RefreshAsync(Credentials rejected, CancellationToken cancellationToken);
}
