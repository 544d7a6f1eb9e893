namespace Hostnet.NetBench.Host;

/// <summary>A command the bench needs failed; the message names the command and quotes its error.</summary>
internal sealed class HostCommandException(HostCommand command, string error)
    : Exception($"'{command}' failed: {error}")
{
    public HostCommand Command { get; } = command;
}
