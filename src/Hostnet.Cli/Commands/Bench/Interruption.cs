using System.Runtime.InteropServices;

namespace Hostnet.Cli.Commands.Bench;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation, instead of the runtime's immediate exit, so that the bench
/// tears down what it built before the process ends.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public Interruption()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            _source.Cancel();
        }))];
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }
}
