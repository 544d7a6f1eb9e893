namespace Hostnet.NetBench.Host;

/// <summary>How a <see cref="HostCommand"/> ended and what it printed.</summary>
internal sealed record HostCommandResult(int ExitCode, string Output, string Error);
