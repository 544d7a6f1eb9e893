using Hostnet.Core.Documents;
using Hostnet.Core.Loading;

namespace Hostnet.Cli.Input;

/// <summary>
/// Turns command-line paths into inputs: files, folders (recursive <c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>)
/// and <c>-</c> for standard input. Files are read later, one at a time (<see cref="Read"/>), so a large check
/// never holds every text at once; an unreadable path is an input problem, and the others are still read.
/// </summary>
internal sealed class InputCollector(CliEnvironment environment, LoaderLimits limits)
{
    public const string StandardInput = "-";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Every input's text, read at once (for commands whose inputs are small).</summary>
    public (List<SourceFile> Files, List<InputProblem> Problems) Collect(IEnumerable<string> paths)
    {
        var files = new List<SourceFile>();
        var problems = new List<InputProblem>();
        foreach (var input in Inputs(paths))
        {
            if (Read(input, out var problem) is { } file)
            {
                files.Add(file);
            }
            else if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return (files, problems);
    }

    /// <summary>The inputs the paths name, in order; standard input is read now (it can be read only once).</summary>
    public List<InputSource> Inputs(IEnumerable<string> paths)
    {
        var inputs = new List<InputSource>();
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                using var stdin = environment.OpenStandardInput();
                inputs.Add(new InputSource(StandardInput, null, ReadBounded(stdin)));
                continue;
            }

            var full = Path.GetFullPath(path, environment.WorkingDirectory);
            if (Directory.Exists(full))
            {
                inputs.AddRange(Enumerate(full).Select(file => new InputSource(DisplayName(path, Path.GetRelativePath(full, file)), file, null)));
            }
            else
            {
                inputs.Add(new InputSource(path, full, null));
            }
        }

        return inputs;
    }

    /// <summary>Reads and decodes one input; null with a problem when it cannot be read or is not text. Thread-safe.</summary>
    public SourceFile? Read(InputSource input, out InputProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Bytes is not null)
        {
            return Decode(input.Name, input.Bytes, out problem);
        }

        try
        {
            var length = new FileInfo(input.FullPath!).Length;
            if (length > limits.MaxFileBytes)
            {
                problem = new InputProblem(input.Name, SourcePosition.Start, $"the file is {length / (1024 * 1024)} MiB, larger than the {limits.MaxFileBytes / (1024 * 1024)} MiB limit");
                return null;
            }

            return Decode(input.Name, File.ReadAllBytes(input.FullPath!), out problem);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problem = new InputProblem(input.Name, SourcePosition.Start, "cannot read: " + Reason(error));
            return null;
        }
    }

    /// <summary>The text of an input read again, for quoting a line in a report; null when that fails.</summary>
    public string? Text(InputSource input) => Read(input, out _)?.Text;

    private static string DisplayName(string given, string relative) =>
        Path.Join(given, relative).Replace('\\', '/');

    private static IEnumerable<string> Enumerate(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(directory, "*", options)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
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

    private SourceFile? Decode(string name, byte[] bytes, out InputProblem? problem)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            problem = new InputProblem(name, SourcePosition.Start, $"the input is larger than the {limits.MaxFileBytes / (1024 * 1024)} MiB limit");
            return null;
        }

        return SourceFile.FromBytes(name, bytes, out problem);
    }
}
