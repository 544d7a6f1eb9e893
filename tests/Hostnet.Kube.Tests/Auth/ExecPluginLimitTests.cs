using System.Diagnostics;
using Hostnet.Kube.Config;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Auth;

/// <summary>Exec credential plugins that print too much or never exit are stopped (real processes; issue 15).</summary>
public sealed class ExecPluginLimitTests : FakeServerTestBase
{
    private const string Exec = """
        exec:
          apiVersion: client.authentication.k8s.io/v1
          command: ./bin/plugin
          interactiveMode: Never
        """;

    [Fact]
    public async Task Plugin_Printing8MiB_IsStoppedAt1MiB()
    {
        Temp.WriteScript("kube/bin/plugin", "head -c 8388608 /dev/zero | tr '\\0' a\n");
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, Exec), Clock);

        var error = await Should.ThrowAsync<KubeConfigException>(() => client.GetVersionAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        error.Message.ShouldBe($"getting credentials: exec: executable {Temp.Root}/kube/bin/plugin printed more than 1 MiB and was stopped (an ExecCredential is a few KiB; docs/snapshot.md, \"Limits\")");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Plugin_NeverExiting_IsKilledAtTheRequestTimeout()
    {
        var script = Temp.WriteScript("kube/bin/plugin", "echo $$ > \"$0.pid\"\nexec sleep 600\n");
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        // 300 s on the test clock, whose timers run a hundred times faster: 3 s.
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, Exec), Clock, timeout: TimeSpan.FromSeconds(300));
        try
        {
            var error = await Should.ThrowAsync<KubeConfigException>(() => client.GetVersionAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

            error.Message.ShouldBe($"getting credentials for context \"test\": exec: executable {Temp.Root}/kube/bin/plugin did not finish within 300s and was stopped (--request-timeout sets the limit)");
            var pid = int.Parse(File.ReadAllText(script + ".pid").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Running(pid).ShouldBeFalse();
            Server.Requests.ShouldBeEmpty();
        }
        finally
        {
            KillLeftover(script + ".pid");
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A plugin the code under test failed to stop must not outlive the test.</summary>
    private static void KillLeftover(string pidFile)
    {
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }
}
