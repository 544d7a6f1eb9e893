using System.Diagnostics;
using System.Globalization;
using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Reporting;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary>
/// The HTML report in a real browser: Debian's headless Chromium (installed by test.sh) screenshots it, and the map's
/// clash is on screen in the clash colour; its DOM after the script ran shows the findings filter at work.
/// </summary>
public sealed class AuditHtmlChromiumTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const int Width = 1400;
    private const int Height = 1000;

    private readonly CliSandbox _sandbox = new();
    private readonly string _report;

    public AuditHtmlChromiumTests()
    {
        var fixture = Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "audit", "cluster.yaml");
        _sandbox.Run("audit", "--cluster", fixture, "--format", "html", "-o", "report.html").ExitCode.ShouldBe(1);
        _report = Path.Combine(_sandbox.Root, "report.html");
    }

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Screenshot_IsAPngOfTheWindowShowingTheClash()
    {
        var screenshot = Path.Combine(_sandbox.Root, "shot.png");

        RunChromium($"--screenshot={screenshot}", $"--window-size={Width},{Height}", new Uri(_report).AbsoluteUri);

        var png = Png.Read(File.ReadAllBytes(screenshot));
        png.Width.ShouldBe(Width);
        png.Height.ShouldBe(Height);
        var clash = Convert.FromHexString(AuditHtmlWriter.ClashColour[1..]);
        // One 20×20 cell less its 2-pixel black border, plus the legend's swatch: a few hundred pixels.
        png.Count(clash[0], clash[1], clash[2]).ShouldBeGreaterThan(200);
    }

    [Fact]
    public void Dom_AfterTheScript_FiltersFindingsByTheAddressFragment()
    {
        var dom = RunChromium("--dump-dom", new Uri(_report).AbsoluteUri + "#severity=error&observed=1");

        dom.ShouldContain("<span id=\"f-shown\" class=\"note\">5 of 18 findings shown</span>");
        dom.Split("<tr class=\"warning\"").Skip(1).ShouldAllBe(row => row.StartsWith(" data-severity=\"warning\"", StringComparison.Ordinal) && row.Contains(" hidden=\"\"", StringComparison.Ordinal));
    }

    private string RunChromium(params string[] arguments)
    {
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: ./test.sh installs Debian's chromium package");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(_sandbox.Root, "chromium-profile")}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 90 s");
        }

        process.ExitCode.ShouldBe(0, string.Create(CultureInfo.InvariantCulture, $"chromium failed: {error.Result}"));
        return output;
    }
}
