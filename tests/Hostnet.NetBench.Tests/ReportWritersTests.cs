using System.Text.Json;
using System.Xml.Linq;
using Hostnet.NetBench.Rendering;
using Hostnet.NetBench.Results;
using Shouldly;

namespace Hostnet.NetBench.Tests;

public sealed class ReportWritersTests
{
    // Three runs per mode: host 9.8/10/10.2 Gbit/s, host-network inside host's range, pod-bridge clearly slower.
    private static readonly BenchReport Report = new(
        [
            new ModeResult("host", [new(10.0, 18.0, 0.050, 0.20, 0.30), new(9.8, 17.0, 0.052, 0.25, 0.32), new(10.2, 19.0, 0.048, 0.22, 0.31)]),
            new ModeResult("host-network", [new(9.9, 18.5, 0.051, 0.21, 0.30), new(10.1, 17.5, 0.050, 0.24, 0.31), new(9.7, 18.0, 0.053, 0.23, 0.33)]),
            new ModeResult("pod-bridge", [new(7.0, 12.0, 0.080, 0.40, 0.45), new(7.5, 13.0, 0.075, 0.42, 0.44), new(7.2, 12.5, 0.078, 0.41, 0.46)]),
        ],
        "iperf3",
        "6.18.44",
        2,
        TimeSpan.FromSeconds(10),
        3,
        4);

    [Fact]
    public void Text_Report_OneRowPerModeWithSpreadRatiosAndNoiseMarks()
    {
        var lines = BenchTextWriter.Render(Report).Split('\n');

        lines[0].ShouldBe("hostnet bench: 3 datapaths, median of 3 runs of 10 s each, throughput by iperf3; kernel 6.18.44, 2 CPUs; not pinned");
        lines[2].ShouldStartWith("mode");
        lines[2].ShouldContain("4 streams Gbit/s (min–max)");
        var host = Cells(lines[3]);
        host[0].ShouldBe("host");
        lines[3].ShouldContain("10.00 (9.80–10.20)");
        lines[3].ShouldNotContain("≈");

        // host-network's range overlaps host's: its ratio is marked as noise; pod-bridge's is not.
        lines[4].ShouldContain("≈0.99");
        lines[5].ShouldContain("7.20 (7.00–7.50)");
        lines[5].ShouldContain(" 0.72 ");
        lines[5].ShouldContain("0.078 (0.075–0.080)");
        lines[5].ShouldContain("45.0 % (44.0–46.0)");
        lines[5].ShouldNotContain("≈");
    }

    [Fact]
    public void PinnedReport_SaysWhichCpus()
    {
        var pinned = Report with { Pinning = new CpuPinning(0, 1) };

        BenchTextWriter.Render(pinned).Split('\n')[0].ShouldEndWith("2 CPUs; pinned: receivers on CPU 0, senders on CPU 1");
        using var document = JsonDocument.Parse(BenchJsonWriter.Render(pinned));
        document.RootElement.GetProperty("pinned").GetBoolean().ShouldBeTrue();
        document.RootElement.GetProperty("pinnedCpus").GetProperty("receiver").GetInt32().ShouldBe(0);
        document.RootElement.GetProperty("pinnedCpus").GetProperty("sender").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Json_Report_HasTheDocumentedShape()
    {
        using var document = JsonDocument.Parse(BenchJsonWriter.Render(Report));
        var root = document.RootElement;

        root.GetProperty("engine").GetString().ShouldBe("iperf3");
        root.GetProperty("kernel").GetString().ShouldBe("6.18.44");
        root.GetProperty("cpus").GetInt32().ShouldBe(2);
        root.GetProperty("pinned").GetBoolean().ShouldBeFalse();
        root.GetProperty("pinnedCpus").ValueKind.ShouldBe(JsonValueKind.Null);
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("mode").GetString()).ShouldBe(["host", "host-network", "pod-bridge"]);
        var bridge = rows[2];
        bridge.GetProperty("gbps").GetProperty("median").GetDouble().ShouldBe(7.2);
        bridge.GetProperty("gbps").GetProperty("min").GetDouble().ShouldBe(7.0);
        bridge.GetProperty("gbps").GetProperty("max").GetDouble().ShouldBe(7.5);
        bridge.GetProperty("parallelGbps").GetProperty("median").GetDouble().ShouldBe(12.5);
        bridge.GetProperty("latencyP50Ms").GetProperty("median").GetDouble().ShouldBe(0.078);
        bridge.GetProperty("latencyP99Ms").GetProperty("max").GetDouble().ShouldBe(0.42);
        bridge.GetProperty("cpuPerGbps").GetProperty("median").GetDouble().ShouldBe(0.45);
        bridge.GetProperty("ratioToHost").GetProperty("gbps").GetDouble().ShouldBe(0.72);
        bridge.GetProperty("ratioToHost").GetProperty("latencyP50Ms").GetDouble().ShouldBe(1.56);
        bridge.GetProperty("gbpsWithinNoise").GetBoolean().ShouldBeFalse();
        rows[1].GetProperty("gbpsWithinNoise").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Json_SingleStream_ParallelIsNull()
    {
        var single = Report with { Rows = [new ModeResult("host", [new(10.0, null, 0.05, 0.2, 0.3)])], Streams = 1 };

        using var document = JsonDocument.Parse(BenchJsonWriter.Render(single));

        document.RootElement.GetProperty("rows")[0].GetProperty("parallelGbps").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Svg_Report_ABarAndAWhiskerPerModeAndMeasure()
    {
        var svg = XDocument.Parse(BenchSvgWriter.Render(Report));
        XNamespace ns = "http://www.w3.org/2000/svg";

        // Background plus two bars (throughput, latency) per mode, each with a whisker from min to max.
        svg.Descendants(ns + "rect").Count().ShouldBe(1 + (2 * 3));
        svg.Descendants(ns + "path").Count().ShouldBe(2 * 3);
        svg.Descendants(ns + "rect").Select(r => r.Element(ns + "title")?.Value).ShouldContain("pod-bridge: 7.2 (7–7.5)");
        svg.Descendants(ns + "text").Select(t => t.Value).ShouldContain("host-network");
    }

    private static string[] Cells(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
