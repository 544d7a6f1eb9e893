namespace Hostnet.Bench.Measurement;

/// <summary>How to start this benchmark again as a child (<c>dotnet Hostnet.Bench.dll …</c> or its apphost).</summary>
internal sealed record SelfCommand(string Program, IReadOnlyList<string> Prefix)
{
    public static SelfCommand Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        var assembly = Path.Combine(AppContext.BaseDirectory, "Hostnet.Bench.dll");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? new(process, [assembly]) : new(process, []);
    }

    public ChildResult Run(params string[] arguments)
    {
        var result = ChildProcess.Run(Program, Prefix.Concat(arguments));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"child '{string.Join(' ', arguments)}' exited {result.ExitCode}: {result.Error}");
        }

        return result;
    }
}
