using Hostnet.NetBench.Measurement;

namespace Hostnet.Cli.Commands.Bench;

/// <summary>
/// How the bench starts hostnet itself inside a namespace: this very executable when it is the installed command or
/// the native file, otherwise the apphost or <c>dotnet hostnet.dll</c> beside this assembly (a test host, <c>dotnet run</c>).
/// </summary>
internal static class HostnetWorker
{
    private const string AppName = "hostnet";

    public static WorkerCommand Locate()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileName(process) == AppName)
        {
            return new WorkerCommand([process]);
        }

        var apphost = Path.Combine(AppContext.BaseDirectory, AppName);
        if (File.Exists(apphost))
        {
            return new WorkerCommand([apphost]);
        }

        var dotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
        return new WorkerCommand([dotnet, Path.Combine(AppContext.BaseDirectory, AppName + ".dll")]);
    }
}
