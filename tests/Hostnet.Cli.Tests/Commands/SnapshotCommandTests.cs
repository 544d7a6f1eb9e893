using System.IO.Compression;
using System.Text.Json.Nodes;
using Hostnet.Cli.Tests.Support;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class SnapshotCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliSandbox _sandbox = new();
    private readonly TestPki _pki = new();
    private FakeApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync(_pki);
        _server.Respond = r => r.Path switch
        {
            "/version" => FakeResponse.Json(ApiObjects.Version),
            "/api/v1/nodes" => FakeResponse.Json(ApiObjects.List("v1", "Node", [ApiObjects.Recorded("node")])),
            "/apis/apps/v1/deployments" => FakeResponse.Json(ApiObjects.List("apps/v1", "Deployment", [ApiObjects.Recorded("deployment")])),
            "/api/v1/pods" when r.Query("continue") is null => FakeResponse.Json(ApiObjects.List("v1", "Pod", [ApiObjects.Pod("apps", "a")], "next", remaining: 1)),
            "/api/v1/pods" => FakeResponse.Json(ApiObjects.List("v1", "Pod", [ApiObjects.Pod("apps", "b")])),
            _ => FakeResponse.Json(ApiObjects.List("v1", "Thing", [])),
        };
        FakeClusterKubeconfig.Write(_sandbox, _server, _pki);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _pki.Dispose();
        _sandbox.Dispose();
    }

    [Fact]
    public void Snapshot_ToFile_WritesOneKubectlListWithEveryKind()
    {
        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "-o", "out/snap.json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBe("hostnet: wrote out/snap.json (server v1.31.2): 1 nodes, 1 deployments, 2 pods\n");
        var list = JsonNode.Parse(_sandbox.Read("out/snap.json"))!;
        list["kind"]!.GetValue<string>().ShouldBe("List");
        list["metadata"]!["annotations"]!["hostnet.dev/server-version"]!.GetValue<string>().ShouldBe("v1.31.2");
        list["items"]!.AsArray().Select(i => $"{i!["kind"]}/{i["metadata"]!["name"]}")
            .ShouldBe(["Node/worker-1", "Deployment/ingress-nginx-controller", "Pod/a", "Pod/b"]);
        _sandbox.Exists("out/snap.json.partial").ShouldBeFalse();
        _server.Requests.Select(r => r.Path).Distinct().Count().ShouldBe(12);
        _server.Requests.ShouldAllBe(r => r.Authorization == "Bearer secret-admin-token");
    }

    [Fact]
    public void Snapshot_File_IsReadByCheckAsAKubectlList()
    {
        _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "-o", "snap.json").ExitCode.ShouldBe(0);

        var result = _sandbox.Run("check", "snap.json", "--format", "json", "--fail-on", "none");

        result.ExitCode.ShouldBe(0, result.ToString());
        var findings = JsonNode.Parse(result.Output)!["diagnostics"]!.AsArray();
        findings.ShouldNotContain(f => f!["rule"]!.GetValue<string>() == "HN000");
        findings.ShouldContain(f => f!["name"]!.GetValue<string>() == "ingress-nginx-controller");
    }

    [Fact]
    public void Snapshot_GzName_IsCompressed()
    {
        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "-o", "snap.json.gz");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(_sandbox.Root, "snap.json.gz")), CompressionMode.Decompress);
        JsonNode.Parse(gzip)!["items"]!.AsArray().Count.ShouldBe(4);
    }

    [Fact]
    public void Snapshot_NoOutput_WritesJsonToStandardOutput()
    {
        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
        JsonNode.Parse(result.Output)!["items"]!.AsArray().Count.ShouldBe(4);
        result.Output.ShouldStartWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"List\",");
    }

    [Fact]
    public void Snapshot_Forbidden_ExitsTwoWithTheRbacHint()
    {
        _server.Respond = r => r.Path == "/version"
            ? FakeResponse.Json(ApiObjects.Version)
            : FakeResponse.Error(403, "Forbidden", "namespaces is forbidden: User \"viewer\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope");

        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "-o", "snap.json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("hostnet: Forbidden: namespaces is forbidden: User \"viewer\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope: grant \"list\" on \"namespaces\" (see docs/snapshot.md for the ClusterRole)\n");
        _sandbox.Exists("snap.json").ShouldBeFalse();
        _sandbox.Exists("snap.json.partial").ShouldBeFalse();
    }

    [Fact]
    public void Snapshot_GzipToStandardOutput_IsRefused()
    {
        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "--gzip");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--gzip needs --output FILE");
    }

    [Fact]
    public void Snapshot_UnknownContext_ExitsTwo()
    {
        var result = _sandbox.Run("snapshot", "--kubeconfig", "kube/config", "--context", "prod");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("hostnet: context was not found for specified context: prod\n");
    }
}
