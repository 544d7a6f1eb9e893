namespace Hostnet.Kube.Auth;

/// <summary>A kubeconfig <c>token</c> and/or client certificate: the same credentials for every request.</summary>
public sealed class StaticCredentialSource(Credentials credentials) : ICredentialSource
{
    public ValueTask<Credentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);

    public ValueTask<bool> RefreshAsync(Credentials rejected, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
