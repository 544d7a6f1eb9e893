using System.Diagnostics;

namespace Hostnet.NetBench.Host;

/// <summary>Kills one process by id (SIGKILL), if it still exists.</summary>
internal static class ProcessKiller
{
    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(2000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited between the lookup and the kill.
        }
    }
}
