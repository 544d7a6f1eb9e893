using Hostnet.Cli.Tests.Support;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary><c>snapshot</c> against a hostile server and a hostile folder (issue 15): one line, exit 2, nothing overwritten.</summary>
public sealed class SnapshotHostileTests : IAsyncLifetime, IDisposable
{
    private readonly CliSandbox _sandbox = new();
    private readonly TestPki _pki = new();
    private FakeApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync(_pki);
        _server.Respond = r => r.Path == "/version" ? FakeResponse.Json(ApiObjects.Version) : FakeResponse.Json(ApiObjects.List("v1", "Thing", []));
        FakeClusterKubeconfig.Write(_sandbox, _server, _pki);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _pki.Dispose();
        _sandbox.Dispose();
    }

    [Fact]
    public void Snapshot_SymlinkPlantedAtTheOldPartialName_IsNotFollowed()
    {
        var victim = _sandbox.Write("victim.txt", "keep me\n");
        Directory.CreateDirectory(Path.Combine(_sandbox.Root, "out"));
        File.CreateSymbolicLink(Path.Combine(_sandbox.Root, "out/snap.json.partial"), victim);

        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "-o", "out/snap.json");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(victim).ShouldBe("keep me\n");
        new FileInfo(Path.Combine(_sandbox.Root, "out/snap.json")).LinkTarget.ShouldBeNull();
        Directory.GetFiles(Path.Combine(_sandbox.Root, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["snap.json", "snap.json.partial"]);
    }

    [Fact]
    public void Snapshot_200WithHtml_OneLineExit2()
    {
        _server.Respond = _ => FakeResponse.Json("<html>login</html>");

        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "-o", "snap.json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith($"hostnet: GET /version: the API server at {_server.Url} answered with a body that is not the JSON expected: ");
        result.Error.TrimEnd('\n').ShouldNotContain("\n");
        _sandbox.Exists("snap.json").ShouldBeFalse();
    }

    [Fact]
    public void Snapshot_TokenWithLineBreak_OneLineExit2()
    {
        _sandbox.Write("kube/config", _sandbox.Read("kube/config").Replace("token: secret-admin-token", "token: \"secret\\r\\nX-Injected: 1\"", StringComparison.Ordinal));

        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("hostnet: the bearer token of context \"fake\" contains a line break or another control character; a token is one line of printable text\n");
        _server.Requests.ShouldBeEmpty();
    }
}
