using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hostnet.Webhook.Metrics;
using Microsoft.Extensions.Logging;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// The serving certificate, read from PEM files and read again when they change (cert-manager rotates them in
/// place). Every TLS handshake asks for <see cref="Current"/>, so new connections get a rotated certificate at once.
/// A pair that does not load (a key that does not match, a half-written file) keeps the last good certificate.
/// </summary>
public sealed partial class CertificateStore : IDisposable
{
    private readonly string _certificatePath;
    private readonly string _keyPath;
    private readonly TimeProvider _time;
    private readonly WebhookMetrics _metrics;
    private readonly ILogger _logger;
    private readonly FileChangeMonitor _monitor;
    private X509Certificate2? _current;

    public CertificateStore(string certificatePath, string keyPath, TimeSpan pollInterval, TimeProvider time, WebhookMetrics metrics, ILogger logger)
    {
        _certificatePath = certificatePath;
        _keyPath = keyPath;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        Reload();
        _monitor = new FileChangeMonitor([certificatePath, keyPath], pollInterval, time, () => Reload());
    }

    /// <summary>The certificate to serve; null until a pair has loaded.</summary>
    public X509Certificate2? Current => Volatile.Read(ref _current);

    /// <summary>Why the certificate cannot serve now; null when it can.</summary>
    public string? Problem
    {
        get
        {
            var current = Current;
            var now = _time.GetUtcNow();
            return current is null ? "no certificate loaded"
                : now < current.NotBefore.ToUniversalTime() ? $"the certificate is not valid before {current.NotBefore.ToUniversalTime():u}"
                : now > current.NotAfter.ToUniversalTime() ? $"the certificate expired at {current.NotAfter.ToUniversalTime():u}"
                : null;
        }
    }

    /// <summary>Why the last load failed (the file and the reason); null after a good one.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>Reads the pair again; false (and the last good certificate kept) when it does not load.</summary>
    public bool Reload()
    {
        try
        {
            var loaded = X509Certificate2.CreateFromPemFile(_certificatePath, _keyPath);
            if (!loaded.HasPrivateKey)
            {
                loaded.Dispose();
                throw new CryptographicException("the key file holds no private key for the certificate");
            }

            // Old connections keep the certificate they negotiated with; the previous object is left to the collector.
            LastProblem = null;
            Volatile.Write(ref _current, loaded);
            _metrics.RecordReload("certificate", success: true);
            LogLoaded(_logger, _certificatePath, loaded.Subject, loaded.NotAfter);
            return true;
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            _metrics.RecordReload("certificate", success: false);
            LastProblem = $"certificate {_certificatePath} with key {_keyPath}: {(error is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : error.Message)}";
            LogNotLoaded(_logger, _certificatePath, _keyPath, error.Message, _current is null ? "no certificate (not ready)" : "the last good certificate");
            return false;
        }
    }

    public void Dispose() => _monitor.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "certificate {File} loaded: {Subject}, valid until {NotAfter}")]
    private static partial void LogLoaded(ILogger logger, string file, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "certificate {File} with key {Key} not loaded ({Reason}); keeping {Kept}")]
    private static partial void LogNotLoaded(ILogger logger, string file, string key, string reason, string kept);
}
