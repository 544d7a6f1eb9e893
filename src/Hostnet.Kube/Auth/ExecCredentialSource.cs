using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;

namespace Hostnet.Kube.Auth;

/// <summary>
/// Runs an exec credential plugin and caches what it returns until its <c>expirationTimestamp</c>, mirroring client-go's
/// plugin/pkg/client/auth/exec/exec.go (<c>refreshCredsLocked</c>, <c>wrapCmdRunErrorLocked</c>, <c>isInteractive</c>):
/// the same <c>KUBERNETES_EXEC_INFO</c> input, the same checks of the output and the same error texts.
/// </summary>
public sealed class ExecCredentialSource : ICredentialSource, IDisposable
{
    /// <summary>client-go's <c>installHintVerboseHelp</c>, printed after "executable … not found".</summary>
    internal const string InstallHintVerboseHelp = """


        It looks like you are trying to use a client-go credential plugin that is not installed.

        To learn more about this feature, consult the documentation available at:
              https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins
        """;

    /// <summary>
    /// The most a plugin may print: an ExecCredential is a token or a certificate and key, a few KiB. client-go reads
    /// without a limit; hostnet stops the plugin there instead of filling its memory.
    /// </summary>
    public const long MaxOutputBytes = 1024 * 1024;

    private const string V1 = "client.authentication.k8s.io/v1";
    private const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    private readonly ExecConfig _config;
    private readonly ExecClusterInfo? _cluster;
    private readonly bool _stdinIsTerminal;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Credentials? _cached;
    private DateTimeOffset? _expiry;

    /// <param name="userName">The kubeconfig user, for validation messages.</param>
    /// <param name="cluster">The cluster, passed to the plugin when <c>provideClusterInfo</c> is true.</param>
    /// <param name="stdinIsTerminal">Whether hostnet's standard input is a terminal (for <c>interactiveMode</c>).</param>
    public ExecCredentialSource(string userName, ExecConfig config, ExecClusterInfo cluster, bool stdinIsTerminal, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrEmpty(config.Command))
        {
            throw new KubeConfigException($"command must be specified for {userName} to use exec authentication plugin");
        }

        if (string.IsNullOrEmpty(config.ApiVersion))
        {
            throw new KubeConfigException($"apiVersion must be specified for {userName} to use exec authentication plugin");
        }

        if (config.ApiVersion is not (V1 or V1Beta1))
        {
            throw new KubeConfigException($"exec plugin: invalid apiVersion \"{config.ApiVersion}\"");
        }

        // validation.go: v1 has no default interactiveMode; v1beta1 defaults to IfAvailable.
        if (config.ApiVersion == V1 && string.IsNullOrEmpty(config.InteractiveMode))
        {
            throw new KubeConfigException($"interactiveMode must be specified for {userName} to use exec authentication plugin");
        }

        _config = config with { InteractiveMode = string.IsNullOrEmpty(config.InteractiveMode) ? "IfAvailable" : config.InteractiveMode };
        _cluster = config.ProvideClusterInfo ? cluster : null;
        _stdinIsTerminal = stdinIsTerminal;
        _timeProvider = timeProvider;
    }

    /// <summary>How many times the plugin ran (tests check the cache with it).</summary>
    internal int Runs { get; private set; }

    public async ValueTask<Credentials> GetAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is not null && !Expired())
            {
                return _cached;
            }

            _cached = await RunAsync(cancellationToken).ConfigureAwait(false);
            return _cached;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<bool> RefreshAsync(Credentials rejected, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have rotated them already (maybeRefreshCreds).
            if (!ReferenceEquals(rejected, _cached))
            {
                return true;
            }

            _cached = await RunAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private bool Expired() => _expiry is { } expiry && _timeProvider.GetUtcNow() > expiry;

    private async Task<Credentials> RunAsync(CancellationToken cancellationToken)
    {
        var interactive = Interactive();
        var input = new ExecCredentialJson(
            "ExecCredential",
            _config.ApiVersion,
            new ExecCredentialSpecJson(
                _cluster is null ? null : new ExecClusterJson(
                    _cluster.Server,
                    _cluster.TlsServerName,
                    _cluster.InsecureSkipTlsVerify ? true : null,
                    _cluster.CertificateAuthorityData,
                    _cluster.ProxyUrl),
                interactive),
            null);

        var start = new ProcessStartInfo(_config.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = !interactive,
            UseShellExecute = false,
        };
        foreach (var argument in _config.Args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _config.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = JsonSerializer.Serialize(input, KubeJsonContext.Default.ExecCredentialJson);

        string stdout;
        int exitCode;
        Runs++;
        try
        {
            using var process = Process.Start(start) ?? throw new KubeConfigException($"getting credentials: exec: cannot start {_config.Command}");
            if (!interactive)
            {
                process.StandardInput.Close();
            }

            try
            {
                using var output = new StreamReader(new BoundedJsonStream(process.StandardOutput.BaseStream, MaxOutputBytes, MaxOutputBytes));
                stdout = await output.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonBodyLimitException error)
            {
                process.Kill(entireProcessTree: true);
                throw new KubeConfigException(
                    $"getting credentials: exec: executable {_config.Command} printed {error.Message} and was stopped "
                    + $"(an ExecCredential is a few KiB; docs/snapshot.md, \"Limits\")",
                    error);
            }
            catch (OperationCanceledException error)
            {
                // The caller's timeout (KubeApiClient) or Ctrl+C: the plugin must not outlive the request.
                process.Kill(entireProcessTree: true);
                throw new OperationCanceledException($"exec: executable {_config.Command} did not finish", error, cancellationToken);
            }

            exitCode = process.ExitCode;
        }
        catch (Win32Exception)
        {
            var message = $"getting credentials: exec: executable {_config.Command} not found{InstallHintVerboseHelp}";
            if (!string.IsNullOrEmpty(_config.InstallHint))
            {
                message += "\n\n" + _config.InstallHint;
            }

            throw new KubeConfigException(message);
        }

        if (exitCode != 0)
        {
            throw new KubeConfigException($"getting credentials: exec: executable {_config.Command} failed with exit code {exitCode}");
        }

        return Decode(stdout);
    }

    private bool Interactive() => _config.InteractiveMode switch
    {
        "Never" => false,
        "IfAvailable" => _stdinIsTerminal,
        "Always" => _stdinIsTerminal
            ? true
            : throw new KubeConfigException("getting credentials: exec plugin cannot support interactive mode: standard input is not a terminal"),
        var other => throw new KubeConfigException($"getting credentials: exec plugin cannot support interactive mode: unknown interactiveMode: \"{other}\""),
    };

    private Credentials Decode(string stdout)
    {
        ExecCredentialJson? output;
        try
        {
            output = JsonSerializer.Deserialize(stdout, KubeJsonContext.Default.ExecCredentialJson);
        }
        catch (JsonException error)
        {
            throw new KubeConfigException($"getting credentials: decoding stdout: {error.Message}");
        }

        if (output is null || output.Kind != "ExecCredential")
        {
            throw new KubeConfigException("getting credentials: decoding stdout: not an ExecCredential object");
        }

        if (output.ApiVersion != _config.ApiVersion)
        {
            throw new KubeConfigException(
                $"getting credentials: exec plugin is configured to use API version {_config.ApiVersion}, plugin returned version {output.ApiVersion}");
        }

        var status = output.Status ?? throw new KubeConfigException("getting credentials: exec plugin didn't return a status field");
        var hasCertificate = !string.IsNullOrEmpty(status.ClientCertificateData);
        var hasKey = !string.IsNullOrEmpty(status.ClientKeyData);
        if (string.IsNullOrEmpty(status.Token) && !hasCertificate && !hasKey)
        {
            throw new KubeConfigException("getting credentials: exec plugin didn't return a token or cert/key pair");
        }

        if (hasCertificate != hasKey)
        {
            throw new KubeConfigException("getting credentials: exec plugin returned only certificate or key, not both");
        }

        X509Certificate2? certificate = null;
        if (hasCertificate)
        {
            try
            {
                certificate = X509Certificate2.CreateFromPem(status.ClientCertificateData, status.ClientKeyData);
            }
            catch (CryptographicException error)
            {
                throw new KubeConfigException($"getting credentials: failed parsing client key/certificate: {error.Message}");
            }
        }

        _expiry = status.ExpirationTimestamp;
        return new Credentials(string.IsNullOrEmpty(status.Token) ? null : status.Token, certificate);
    }
}
