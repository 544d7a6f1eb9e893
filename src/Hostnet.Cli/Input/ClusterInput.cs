using System.IO.Compression;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Cli.Input;

/// <summary>
/// <c>--cluster FILE|-</c>: opens the snapshot (a file, or standard input), decompresses gzip (magic 1f 8b) and reads
/// it with <see cref="SnapshotReader"/>. Errors and warnings go to standard error as <c>hostnet: FILE:LINE:COLUMN: …</c>.
/// </summary>
internal static class ClusterInput
{
    /// <summary>The snapshot, or null (after printing why) when it cannot be used: the command exits 2.</summary>
    /// <param name="defaultNamespace">Where objects that name no namespace are read (<c>defaultNamespace</c> of <c>.hostnet.yaml</c>).</param>
    public static ClusterSnapshot? Load(string path, CliEnvironment environment, string defaultNamespace = KubeObject.KubernetesDefaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ClusterReadResult result;
        try
        {
            using var stream = Open(path, environment);
            result = SnapshotReader.Read(path, stream, LoaderLimits.Default, defaultNamespace);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            environment.Error.WriteLine($"hostnet: {path}: cannot read the cluster snapshot: {Reason(error)}");
            return null;
        }

        return Report(result, environment);
    }

    /// <summary>Prints the warnings and errors of a read snapshot; the snapshot, or null when it has errors.</summary>
    public static ClusterSnapshot? Report(ClusterReadResult result, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var warning in result.Warnings)
        {
            environment.Error.WriteLine($"hostnet: {Where(warning)}: warning: {warning.Message}");
        }

        foreach (var error in result.Errors)
        {
            environment.Error.WriteLine($"hostnet: {Where(error)}: {error.Message}");
        }

        return result.HasErrors ? null : result.Snapshot;
    }

    private static string Where(InputProblem problem) => $"{problem.File}:{problem.Position}";

    private static Stream Open(string path, CliEnvironment environment)
    {
        var raw = path == InputCollector.StandardInput
            ? environment.OpenStandardInput()
            : new FileStream(Path.GetFullPath(path, environment.WorkingDirectory), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var magic = new byte[2];
        var length = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        var whole = new PrefixedStream(magic, length, raw);
        return length == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    private static string Reason(Exception error) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        InvalidDataException => "the gzip data is corrupt",
        _ => error.Message,
    };
}
