using Hostnet.Core.Loading;

namespace Hostnet.Cli.Input;

/// <summary>
/// Turns command-line paths into source texts: files, folders (recursive <c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>)
/// and <c>-</c> for standard input. An unreadable path is an input problem; the others are still read.
/// </summary>
internal sealed class InputCollector(CliEnvironment environment, LoaderLimits limits)
{
    public const string StandardInput = "-";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public (List<SourceFile> Files, List<InputProblem> Problems) Collect(IEnumerable<string> paths)
    {
        var files = new List<SourceFile>();
        var problems = new List<InputProblem>();
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                using var stdin = environment.OpenStandardInput();
                Add(StandardInput, ReadBounded(stdin), files, problems);
                continue;
            }

            var full = Path.GetFullPath(path, environment.WorkingDirectory);
            if (Directory.Exists(full))
            {
                foreach (var file in Enumerate(full))
                {
                    ReadFile(DisplayName(path, Path.GetRelativePath(full, file)), file, files, problems);
                }
            }
            else
            {
                ReadFile(path, full, files, problems);
            }
        }

        return (files, problems);
    }

    private static string DisplayName(string given, string relative) =>
        Path.Join(given, relative).Replace('\\', '/');

    private static IEnumerable<string> Enumerate(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(directory, "*", options)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }

    private void ReadFile(string name, string full, List<SourceFile> files, List<InputProblem> problems)
    {
        try
        {
            var length = new FileInfo(full).Length;
            if (length > limits.MaxFileBytes)
            {
                problems.Add(new InputProblem(name, SourcePosition.Start, $"the file is {length / (1024 * 1024)} MiB, larger than the {limits.MaxFileBytes / (1024 * 1024)} MiB limit"));
                return;
            }

            Add(name, File.ReadAllBytes(full), files, problems);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(name, SourcePosition.Start, "cannot read: " + Reason(error)));
        }
    }

    private static string Reason(Exception error) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => error.Message,
    };

    private byte[] ReadBounded(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxFileBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private void Add(string name, byte[] bytes, List<SourceFile> files, List<InputProblem> problems)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            problems.Add(new InputProblem(name, SourcePosition.Start, $"the input is larger than the {limits.MaxFileBytes / (1024 * 1024)} MiB limit"));
            return;
        }

        if (SourceFile.FromBytes(name, bytes, out var problem) is { } file)
        {
            files.Add(file);
        }
        else if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
