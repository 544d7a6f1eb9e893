using System.Diagnostics;

namespace Hostnet.NetBench.Host;

/// <summary>Runs <see cref="HostCommand"/>s (ip, iptables, sysctl, …) to completion and returns what they print.</summary>
internal static class HostCommandRunner
{
    /// <summary>Runs the command; a non-zero exit becomes a <see cref="HostCommandException"/> carrying its stderr.</summary>
    public static string Run(HostCommand command)
    {
        var result = TryRun(command);
        if (result.ExitCode != 0)
        {
            throw new HostCommandException(command, result.Error.Trim());
        }

        return result.Output;
    }

    public static HostCommandResult TryRun(HostCommand command)
    {
        using var process = Process.Start(command.StartInfo()) ?? throw new HostCommandException(command, "could not start");
        if (command.StandardInput is not null)
        {
            process.StandardInput.Write(command.StandardInput);
            process.StandardInput.Close();
        }

        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new HostCommandResult(process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
