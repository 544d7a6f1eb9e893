namespace Hostnet.Cli;

/// <summary>What the CLI takes from the process: streams, working directory and terminal facts. Tests pass their own.</summary>
internal sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    Func<Stream> OpenStandardInput,
    string WorkingDirectory,
    bool OutputIsTerminal,
    bool NoColor)
{
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Environment.CurrentDirectory,
        !Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 });
}
