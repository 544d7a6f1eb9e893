namespace Hostnet.Cli.Output;

/// <summary><c>--output FILE</c>: a report written to a file, its folder created (CI steps often name a fresh one).</summary>
internal static class ReportFile
{
    /// <summary>Writes the report; false after saying on standard error why it could not.</summary>
    public static bool TryWrite(string outputPath, Action<TextWriter> write, CliEnvironment environment)
    {
        try
        {
            var path = Path.GetFullPath(outputPath, environment.WorkingDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var file = new StreamWriter(path);
            write(file);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"hostnet: cannot write {outputPath}: {error.Message}");
            return false;
        }
    }
}
