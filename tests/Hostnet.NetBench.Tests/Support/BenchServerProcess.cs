using System.Diagnostics;
using Hostnet.NetBench.Host;
using Hostnet.NetBench.Measurement;
using Shouldly;

namespace Hostnet.NetBench.Tests.Support;

/// <summary><c>hostnet bench serve</c> started in a namespace, ready once it said so, killed on dispose.</summary>
internal sealed class BenchServerProcess : IDisposable
{
    private readonly Process _process;

    /// <param name="prefix">A command to run hostnet under (<c>nice -n -19</c>), or none.</param>
    public BenchServerProcess(string networkNamespace, IReadOnlyList<string> prefix, params string[] options)
    {
        _process = Process.Start(HostCommand.InNamespace(networkNamespace, [.. prefix, Shell.Hostnet, "bench", "serve", .. options]).StartInfo())!;
        ReadyLine = _process.StandardOutput.ReadLine().ShouldNotBeNull();
        ReadyLine.ShouldStartWith(ServerRun.ReadyLine);
    }

    public string ReadyLine { get; }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
