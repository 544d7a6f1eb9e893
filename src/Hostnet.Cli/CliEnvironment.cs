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
    /// <summary>Whether standard error is a terminal (progress bars go there only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Whether standard input is a terminal (exec credential plugins may then prompt).</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>Reads an environment variable (<c>KUBECONFIG</c>, <c>HOME</c>, …); tests pass their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Environment.CurrentDirectory,
        !Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
    {
        ErrorIsTerminal = !Console.IsErrorRedirected,
        InputIsTerminal = !Console.IsInputRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };
}
