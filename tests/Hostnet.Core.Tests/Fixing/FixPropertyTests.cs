using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Xunit;

namespace Hostnet.Core.Tests.Fixing;

/// <summary>
/// Properties of <c>hostnet fix</c> over generated workloads in varied styles (indent width, dash placement, flow or
/// block ports, CRLF): a document without a fixable finding is left byte for byte; otherwise the result loads, a
/// second run changes nothing, and the JSON Patch agrees with the text edit.
/// </summary>
public sealed class FixPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void Fix_DocumentWithoutFixableFinding_IsUnchanged()
    {
        Prop.ForAll(Manifests(), text =>
        {
            var fixable = Fixtures.Check(text).Diagnostics.Any(d => RuleCatalog.FixableIds.Contains(d.Rule.Id) && !d.IsSuppressed);
            return fixable || !FixRun.Fix(text).Changed;
        }).Check(Runs);
    }

    [Fact]
    public void Fix_AnyDocument_LoadsAndIsIdempotent()
    {
        Prop.ForAll(Manifests(), text =>
        {
            var result = FixRun.Fix(text);
            var loaded = new ManifestLoader().Load(new SourceFile("fixture.yaml", result.Text));
            return loaded.Problems.Count == 0 && loaded.Documents.Count == 1 && !FixRun.Fix(result.Text).Changed;
        }).Check(Runs);
    }

    [Fact]
    public void Fix_AnyDocument_PatchAgreesWithTextEdit()
    {
        Prop.ForAll(Manifests(), text =>
        {
            FixRun.AssertPatchMatchesText(text);
            return true;
        }).Check(Runs);
    }

    private static Arbitrary<string> Manifests() =>
        (from kind in Gen.Elements("Pod", "Deployment", "DaemonSet")
         from hostNetwork in Gen.Elements("", "true", "false")
         from dnsPolicy in Gen.Elements("", "ClusterFirst", "ClusterFirstWithHostNet", "Default", "\"ClusterFirst\"", "ClusterFirstWithHostNetwork")
         from port in Gen.Elements(0, 8080, 9100)
         from hostPort in Gen.Elements(0, 8080, 80)
         from probe in Gen.Elements(0, 8080, 8081)
         from surge in Gen.Elements("", "0", "1", "25%")
         from misplaced in Gen.Elements(false, true)
         from indent in Gen.Elements(2, 4)
         from indentless in Gen.Elements(false, true)
         from flowPorts in Gen.Elements(false, true)
         from crlf in Gen.Elements(false, true)
         select Write(new Shape(kind, hostNetwork, dnsPolicy, port, hostPort, probe, surge, misplaced, indent, indentless, flowPorts, crlf))).ToArbitrary();

    private static string Write(Shape shape)
    {
        var lines = new List<string> { $"apiVersion: {(shape.Kind == "Pod" ? "v1" : "apps/v1")}", $"kind: {shape.Kind}", "metadata:", I(1, shape) + "name: generated" };
        var specDepth = 1;
        lines.Add("spec:");
        if (shape.Kind != "Pod")
        {
            if (shape.Kind == "Deployment")
            {
                lines.Add(I(1, shape) + "replicas: 2");
            }

            if (shape.Surge.Length > 0)
            {
                lines.Add(I(1, shape) + (shape.Kind == "Deployment" ? "strategy:" : "updateStrategy:"));
                lines.Add(I(2, shape) + "rollingUpdate:");
                lines.Add(I(3, shape) + "maxSurge: " + shape.Surge);
                lines.Add(I(3, shape) + "maxUnavailable: 0");
            }

            lines.Add(I(1, shape) + "selector: {matchLabels: {app: generated}}");
            lines.Add(I(1, shape) + "template:");
            lines.Add(I(2, shape) + "metadata: {labels: {app: generated}}");
            lines.Add(I(2, shape) + "spec:");
            specDepth = 3;
        }

        if (shape.HostNetwork.Length > 0)
        {
            lines.Add(I(specDepth, shape) + "hostNetwork: " + shape.HostNetwork);
        }

        if (shape.DnsPolicy.Length > 0)
        {
            lines.Add(I(specDepth, shape) + "dnsPolicy: " + shape.DnsPolicy);
        }

        lines.Add(I(specDepth, shape) + "containers:");
        var dash = I(specDepth, shape) + (shape.Indentless ? string.Empty : new string(' ', shape.Indent));
        var item = dash + "  ";
        lines.Add(dash + "- name: app");
        lines.Add(item + "image: example.com/app:1");
        if (shape.Misplaced)
        {
            lines.Add(item + "hostNetwork: true");
        }

        if (shape.Port > 0)
        {
            var hostPort = shape.HostPort > 0 ? $", hostPort: {shape.HostPort}" : string.Empty;
            if (shape.FlowPorts)
            {
                lines.Add(item + $"ports: [{{containerPort: {shape.Port}{hostPort}}}]");
            }
            else
            {
                lines.Add(item + "ports:");
                lines.Add(item + $"- containerPort: {shape.Port}");
                if (shape.HostPort > 0)
                {
                    lines.Add(item + $"  hostPort: {shape.HostPort}");
                }
            }
        }

        if (shape.Probe > 0)
        {
            lines.Add(item + "readinessProbe:");
            lines.Add(item + new string(' ', shape.Indent) + $"tcpSocket: {{port: {shape.Probe}}}");
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append(shape.Crlf ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    private static string I(int depth, Shape shape) => new(' ', depth * shape.Indent);

    private sealed record Shape(
        string Kind,
        string HostNetwork,
        string DnsPolicy,
        int Port,
        int HostPort,
        int Probe,
        string Surge,
        bool Misplaced,
        int Indent,
        bool Indentless,
        bool FlowPorts,
        bool Crlf);
}
