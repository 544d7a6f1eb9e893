using System.Security.Cryptography.X509Certificates;
using Hostnet.Kube.Config;

namespace Hostnet.Kube.Auth;

/// <summary>
/// A bearer token read from a file and read again once a minute, as client-go's <c>NewCachedFileTokenSource</c> does
/// (transport/token_source.go): projected service-account tokens are rotated by the kubelet while hostnet runs.
/// When a re-read fails, the last token is used. An empty file is an error, with client-go's words (readTokenFile), not
/// an empty bearer token.
/// </summary>
public sealed class TokenFileCredentialSource(string path, X509Certificate2? clientCertificate, TimeProvider timeProvider) : ICredentialSource
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private Credentials? _cached;
    private DateTimeOffset _readAt;

    public ValueTask<Credentials> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            if (_cached is null || now - _readAt >= Period)
            {
                _cached = Read(_cached);
                _readAt = now;
            }

            return ValueTask.FromResult(_cached);
        }
    }

    public ValueTask<bool> RefreshAsync(Credentials rejected, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var fresh = Read(_cached);
            var changed = !string.Equals(fresh.Token, rejected.Token, StringComparison.Ordinal);
            _cached = fresh;
            _readAt = timeProvider.GetUtcNow();
            return ValueTask.FromResult(changed);
        }
    }

    private Credentials Read(Credentials? previous)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length == 0
                ? throw new KubeConfigException($"read empty token from file \"{path}\"")
                : new Credentials(token, clientCertificate);
        }
        catch (Exception error) when ((error is IOException or UnauthorizedAccessException or KubeConfigException) && previous is not null)
        {
            return previous;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read token file {path}: {error.Message}", error);
        }
    }
}
