using Xunit;

namespace Hostnet.Kube.Tests.Support;

/// <summary>A temporary folder, a test CA, a fast clock and a running fake API server for each test.</summary>
public abstract class FakeServerTestBase : IAsyncLifetime, IDisposable
{
    private FakeApiServer? _server;

    internal TempDirectory Temp { get; } = new();

    internal TestPki Pki { get; } = new();

    internal FastTimeProvider Clock { get; } = new();

    internal FakeApiServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await FakeApiServer.StartAsync(Pki);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Pki.Dispose();
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
