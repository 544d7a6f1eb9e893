using Hostnet.Core.Admission;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Webhook.Metrics;
using Microsoft.Extensions.Logging;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// The policy in force. Without a file it is <see cref="WebhookPolicy.Default"/>; with one, it is reloaded when the
/// file changes, and a file with problems keeps the last good policy and logs each problem with its position.
/// </summary>
public sealed partial class PolicyStore : IDisposable
{
    private readonly string? _path;
    private readonly WebhookMetrics _metrics;
    private readonly ILogger _logger;
    private readonly FileChangeMonitor? _monitor;
    private WebhookPolicy? _current;

    public PolicyStore(string? path, TimeSpan pollInterval, TimeProvider time, WebhookMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        _path = path;
        _metrics = metrics;
        _logger = logger;
        if (path is null)
        {
            _current = WebhookPolicy.Default;
            return;
        }

        Reload();
        _monitor = new FileChangeMonitor([path], pollInterval, time, () => Reload());
    }

    /// <summary>The policy to decide with; the default one until a file has loaded.</summary>
    public WebhookPolicy Current => Volatile.Read(ref _current) ?? WebhookPolicy.Default;

    /// <summary>Whether a policy is in force: no file was given, or the file has loaded at least once.</summary>
    public bool IsValid => Volatile.Read(ref _current) is not null;

    /// <summary>The first problem of the last load that failed, as <c>file:line:column: message</c>; null after a good one.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>Reads the file again; false (and the last good policy kept) when it cannot be read or has problems.</summary>
    public bool Reload()
    {
        if (_path is null)
        {
            return true;
        }

        var problems = new List<InputProblem>();
        WebhookPolicy? policy = null;
        try
        {
            var file = SourceFile.FromBytes(_path, File.ReadAllBytes(_path), out var problem);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                policy = PolicyReader.Read(file!, problems);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(_path, SourcePosition.Start, error is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : error.Message));
        }

        if (policy is null || problems.Count > 0)
        {
            foreach (var (file, position, message) in problems)
            {
                LogPolicyProblem(_logger, file, position, message);
            }

            LastProblem = problems.Count > 0 ? $"{problems[0].File}:{problems[0].Position}: {problems[0].Message}" : $"{_path}: holds no policy";
            LogPolicyKept(_logger, _path, _current is null ? "the default policy (not ready)" : "the last good policy");
            _metrics.RecordReload("policy", success: false);
            return false;
        }

        LastProblem = null;
        Volatile.Write(ref _current, policy);
        _metrics.RecordReload("policy", success: true);
        LogPolicyLoaded(_logger, _path, policy.Mode);
        return true;
    }

    public void Dispose() => _monitor?.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "policy {File}:{Position}: {Problem}")]
    private static partial void LogPolicyProblem(ILogger logger, string file, SourcePosition position, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "policy {File} not loaded; keeping {Kept}")]
    private static partial void LogPolicyKept(ILogger logger, string file, string kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "policy {File} loaded (mode {Mode})")]
    private static partial void LogPolicyLoaded(ILogger logger, string file, PolicyMode mode);
}
