using System.Collections;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Hostnet.Cli;

/// <summary>
/// Which garbage collector a command runs on. The NativeAOT build is published with server GC (Hostnet.Cli.csproj):
/// `check DIR` then collects on every core and meets P1. The commands whose targets are memory or tail latency stay
/// on the workstation collector: the webhook and the agent (long-running, small memory limits), every command that
/// reads a whole cluster (`audit`, `snapshot`, any `--cluster FILE`: the P2 snapshot peaks above 512 MiB on server
/// GC), and `bench`, whose datapath figures were all measured on it. The runtime reads the collector once, before <c>Main</c>, so such a command starts its own binary
/// again (<c>execve(2)</c>: same PID, same arguments, same streams) with <c>DOTNET_gcServer=0</c> before any work.
/// A <c>DOTNET_gcServer</c> the user set wins, as do the deploy/ manifests, which set it for the webhook and agent.
/// Figures: docs/performance-check.md, "Branch p19-gc".
/// </summary>
internal static partial class CollectorChoice
{
    /// <summary>The runtime's switch between the server (1) and workstation (0) collector.</summary>
    public const string ServerVariable = "DOTNET_gcServer";

    private static readonly string[] WorkstationCommands = ["webhook", "agent", "audit", "snapshot", "bench"];

    /// <summary>
    /// Whether the command these arguments name belongs on the workstation collector. A response file (<c>@FILE</c>)
    /// may hold any command and a <c>--cluster</c>: unread here, it goes to workstation, the collector that fits every
    /// command's memory target.
    /// </summary>
    public static bool WantsWorkstation(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Directives ([diagram], [suggest]) come before the command.
        var command = args.FirstOrDefault(a => !a.StartsWith('['));
        return (command is not null && WorkstationCommands.Contains(command, StringComparer.Ordinal))
            || args.Any(a => a.StartsWith('@') || IsClusterOption(a));
    }

    /// <summary><c>--cluster F</c>, <c>--cluster=F</c> or <c>--cluster:F</c>, the three spellings System.CommandLine takes.</summary>
    private static bool IsClusterOption(string arg) =>
        arg.StartsWith("--cluster", StringComparison.Ordinal) && (arg.Length == "--cluster".Length || arg["--cluster".Length] is '=' or ':');

    /// <summary>
    /// On server GC, starts the process again on the workstation collector when the command wants it and the user has
    /// not chosen; returns only when nothing is to be done or the restart failed (the command then runs on server
    /// GC: it works, with a larger heap).
    /// </summary>
    public static void RestartOnWorkstationIfWanted(string[] args)
    {
        // Run as `dotnet hostnet.dll`, the process is the dotnet host, which these arguments alone would not restart.
        if (!GCSettings.IsServerGC || !OperatingSystem.IsLinux() || Path.GetFileName(Environment.ProcessPath) == "dotnet"
            || UserChose() || !WantsWorkstation(args))
        {
            return;
        }

        var program = Environment.GetCommandLineArgs()[0];
        string?[] argv = [program, .. args, null];
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}")
            .Append($"{ServerVariable}=0");
        string?[] envp = [.. environment, null];
        Execve("/proc/self/exe", argv, envp);
    }

    /// <summary>The user set the collector (either name the runtime reads): obeyed, never overridden.</summary>
    private static bool UserChose() =>
        Environment.GetEnvironmentVariable(ServerVariable) is not null || Environment.GetEnvironmentVariable("COMPlus_gcServer") is not null;

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execve(string path, string?[] argv, string?[] envp);
}
