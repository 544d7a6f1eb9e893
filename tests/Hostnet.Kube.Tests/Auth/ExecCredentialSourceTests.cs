using System.Text.Json.Nodes;
using Hostnet.Kube.Auth;
using Hostnet.Kube.Config;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Auth;

public sealed class ExecCredentialSourceTests : FakeServerTestBase
{
    /// <summary>A plugin that records its input, counts its runs and answers token-N valid until the given time.</summary>
    private string Plugin(string expiry = "2026-11-22T08:00:00Z", string apiVersion = "client.authentication.k8s.io/v1") =>
        Temp.WriteScript("kube/bin/plugin", $$$"""
            n=$(( $(cat "$0.runs" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$0.runs"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$0.input"
            printf '%s %s' "$REGION" "$*" > "$0.args"
            echo '{"apiVersion":"{{{apiVersion}}}","kind":"ExecCredential","status":{"token":"token-'"$n"'","expirationTimestamp":"{{{expiry}}}"}}'
            """);

    private ExecCredentialSource Source(string execYaml, bool stdinIsTerminal = false)
    {
        Plugin();
        var path = Kubeconfigs.Write(Temp, Server, "exec:\n" + string.Join('\n', execYaml.Split('\n').Select(l => "  " + l)));
        var options = Kubeconfigs.Options(path, Clock) with { StdinIsTerminal = stdinIsTerminal };
        return KubeConnectionResolver.Resolve(options).Credentials.ShouldBeOfType<ExecCredentialSource>();
    }

    private const string V1 = """
        apiVersion: client.authentication.k8s.io/v1
        command: ./bin/plugin
        args: [get-token, --cluster, fake]
        env: [{name: REGION, value: eu-west-1}]
        interactiveMode: Never
        provideClusterInfo: true
        """;

    [Fact]
    public async Task Get_Plugin_PassesArgsEnvAndClusterInfo()
    {
        using var source = Source(V1);

        var credentials = await source.GetAsync(CancellationToken.None);

        credentials.Token.ShouldBe("token-1");
        File.ReadAllText(Path.Combine(Temp.Root, "kube/bin/plugin.args")).ShouldBe("eu-west-1 get-token --cluster fake");
        var input = JsonNode.Parse(File.ReadAllText(Path.Combine(Temp.Root, "kube/bin/plugin.input")))!;
        input["kind"]!.GetValue<string>().ShouldBe("ExecCredential");
        input["apiVersion"]!.GetValue<string>().ShouldBe("client.authentication.k8s.io/v1");
        input["spec"]!["interactive"]!.GetValue<bool>().ShouldBeFalse();
        input["spec"]!["cluster"]!["server"]!.GetValue<string>().ShouldBe(Server.Url.ToString().TrimEnd('/'));
        Convert.FromBase64String(input["spec"]!["cluster"]!["certificate-authority-data"]!.GetValue<string>())
            .ShouldBe(System.Text.Encoding.ASCII.GetBytes(Pki.CaPem));
    }

    [Fact]
    public async Task Get_BeforeAndAfterExpiry_RunsThePluginOnlyWhenExpired()
    {
        using var source = Source(V1);

        (await source.GetAsync(CancellationToken.None)).Token.ShouldBe("token-1");
        Clock.Now = new DateTimeOffset(2026, 11, 22, 7, 59, 59, TimeSpan.Zero);
        (await source.GetAsync(CancellationToken.None)).Token.ShouldBe("token-1");
        Clock.Now = new DateTimeOffset(2026, 11, 22, 8, 0, 1, TimeSpan.Zero);
        (await source.GetAsync(CancellationToken.None)).Token.ShouldBe("token-2");

        source.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task Request_PluginToken_SentAndRefreshedOnceAfter401()
    {
        Plugin();
        Server.Respond = r => r.Authorization == "Bearer token-2" ? FakeResponse.Json(ApiObjects.Version) : FakeResponse.Error(401, "Unauthorized", "Unauthorized");
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "exec:\n" + string.Join('\n', V1.Split('\n').Select(l => "  " + l))), Clock);

        (await client.GetVersionAsync(CancellationToken.None)).GitVersion.ShouldBe("v1.31.2");

        Server.Requests.Select(r => r.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
    }

    [Fact]
    public async Task Request_PluginClientCertificate_ServerSeesIt()
    {
        var (certificate, key) = Pki.IssueClient("from-plugin", rsa: false);
        var output = new JsonObject
        {
            ["apiVersion"] = "client.authentication.k8s.io/v1beta1",
            ["kind"] = "ExecCredential",
            ["status"] = new JsonObject { ["clientCertificateData"] = certificate, ["clientKeyData"] = key },
        };
        Temp.Write("kube/out.json", output.ToJsonString());
        Temp.WriteScript("kube/bin/cert-plugin", "cat \"$(dirname \"$0\")/../out.json\"\n");
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        using var client = Kubeconfigs.Client(
            Kubeconfigs.Write(Temp, Server, "exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n  command: ./bin/cert-plugin"), Clock);

        await client.GetVersionAsync(CancellationToken.None);

        Server.Requests.Single().ClientCertificateSubject.ShouldBe("CN=from-plugin, O=system:masters");
        Server.Requests.Single().Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task Get_MissingCommand_ShowsInstallHint()
    {
        using var source = Source("""
            apiVersion: client.authentication.k8s.io/v1
            command: gke-gcloud-auth-plugin-not-installed
            interactiveMode: IfAvailable
            installHint: Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl
            """);

        var error = await Should.ThrowAsync<KubeConfigException>(() => source.GetAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe("""
            getting credentials: exec: executable gke-gcloud-auth-plugin-not-installed not found

            It looks like you are trying to use a client-go credential plugin that is not installed.

            To learn more about this feature, consult the documentation available at:
                  https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins

            Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl
            """);
    }

    [Theory]
    [InlineData("exit 3", "getting credentials: exec: executable {0} failed with exit code 3")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\"}}'",
        "getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/v1beta1")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\"}'", "getting credentials: exec plugin didn't return a status field")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'", "getting credentials: exec plugin didn't return a token or cert/key pair")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"clientKeyData\":\"k\"}}'", "getting credentials: exec plugin returned only certificate or key, not both")]
    public async Task Get_BadPlugin_ClientGoMessage(string body, string expected)
    {
        var script = Temp.WriteScript("kube/bin/bad", body + "\n");
        var path = Kubeconfigs.Write(Temp, Server, "exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/bad, interactiveMode: Never}");
        using var source = (ExecCredentialSource)KubeConnectionResolver.Resolve(Kubeconfigs.Options(path, Clock)).Credentials;

        var error = await Should.ThrowAsync<KubeConfigException>(() => source.GetAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, script));
    }

    [Fact]
    public async Task Get_InteractiveModes_FollowWhetherStdinIsATerminal()
    {
        using var always = Source("apiVersion: client.authentication.k8s.io/v1\ncommand: ./bin/plugin\ninteractiveMode: Always");
        var error = await Should.ThrowAsync<KubeConfigException>(() => always.GetAsync(CancellationToken.None).AsTask());
        error.Message.ShouldBe("getting credentials: exec plugin cannot support interactive mode: standard input is not a terminal");

        using var ifAvailable = Source("apiVersion: client.authentication.k8s.io/v1\ncommand: ./bin/plugin\ninteractiveMode: IfAvailable", stdinIsTerminal: true);
        await ifAvailable.GetAsync(CancellationToken.None);
        JsonNode.Parse(File.ReadAllText(Path.Combine(Temp.Root, "kube/bin/plugin.input")))!["spec"]!["interactive"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Resolve_V1WithoutInteractiveMode_IsRejectedAsClientGoDoes()
    {
        var path = Kubeconfigs.Write(Temp, Server, "exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}");

        var error = Should.Throw<KubeConfigException>(() => KubeConnectionResolver.Resolve(Kubeconfigs.Options(path, Clock)));

        error.Message.ShouldBe("interactiveMode must be specified for tester to use exec authentication plugin");
    }
}
