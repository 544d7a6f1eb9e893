using System.Diagnostics;

namespace Hostnet.Agent.Tests.Support;

/// <summary>
/// A real process that opens waiting sockets (<c>tcp,ADDRESS,PORT</c> listens; <c>udp,ADDRESS,PORT</c> binds) and
/// sleeps, optionally inside a network namespace (<c>ip netns exec</c>). Disposing kills it, by its own pid.
/// </summary>
internal sealed class ListenerProcess : IDisposable
{
    private const string Script = """
        import socket, sys, time
        sockets = []
        for spec in sys.argv[1:]:
            protocol, address, port = spec.rsplit(',', 2)
            family = socket.AF_INET6 if ':' in address else socket.AF_INET
            s = socket.socket(family, socket.SOCK_STREAM if protocol == 'tcp' else socket.SOCK_DGRAM)
            s.bind((address, int(port)))
            if protocol == 'tcp':
                s.listen()
            sockets.append(s)
        print('ready', flush=True)
        time.sleep(600)
        """;

    private readonly Process _process;

    public ListenerProcess(string? networkNamespace, params string[] sockets)
    {
        var start = new ProcessStartInfo(networkNamespace is null ? "/usr/bin/python3" : "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (networkNamespace is not null)
        {
            foreach (var argument in new[] { "netns", "exec", networkNamespace, "/usr/bin/python3" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var socket in sockets)
        {
            start.ArgumentList.Add(socket);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var ready = _process.StandardOutput.ReadLine();
        if (ready != "ready")
        {
            var error = _process.StandardError.ReadToEnd();
            Dispose();
            throw new InvalidOperationException($"the listener did not start: {error}");
        }
    }

    public int Pid => _process.Id;

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
