using Hostnet.Core.Editing;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Fixing;

public sealed class FixPlannerTests
{
    [Fact]
    public void Fix_AnchoredSpec_LeavesSharedNodesAlone()
    {
        const string text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: shared}
              spec: &spec
                hostNetwork: true
                containers: [{name: a, image: example.com/a:1}]
            - apiVersion: v1
              kind: Pod
              metadata: {name: alias}
              spec: *spec
            - apiVersion: v1
              kind: Pod
              metadata: {name: own}
              spec:
                hostNetwork: true
                containers: [{name: b, image: example.com/b:1}]

            """;

        var result = FixRun.Fix(text);

        result.Text.ShouldBe(text.Replace("  spec:\n    hostNetwork: true\n", "  spec:\n    hostNetwork: true\n    dnsPolicy: Default\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Fix_PodLevelFieldAlreadyInPodSpec_OnlyRemovesTheCopy()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: true
              dnsPolicy: ClusterFirstWithHostNet
              containers:
              - name: a
                image: example.com/a:1
                hostNetwork: true

            """;

        FixRun.Fix(text).Text.ShouldBe(text.Replace("    hostNetwork: true\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Fix_PodLevelFieldContradictingPodSpec_IsLeftForTheAuthor()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: false
              containers:
              - name: a
                image: example.com/a:1
                hostNetwork: true

            """;

        FixRun.Fix(text).Changed.ShouldBeFalse();
    }

    [Fact]
    public void Fix_ListenFlagWithoutPorts_DeclaresNamedPortInDocumentStyle()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata:
                name: p
            spec:
                hostNetwork: true
                dnsPolicy: ClusterFirstWithHostNet
                containers:
                -   name: manager
                    image: example.com/manager:1
                    args:
                    -   --metrics-bind-address=:8443

            """;

        FixRun.Fix(text).Text.ShouldBe(text + """
                    ports:
                    -   name: metrics
                        containerPort: 8443

            """);
    }

    [Fact]
    public void Fix_WrittenNonZeroMaxUnavailable_IsKept()
    {
        const string text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 3
              strategy:
                rollingUpdate:
                  maxSurge: 25%
                  maxUnavailable: 10%
              selector: {matchLabels: {app: d}}
              template:
                metadata: {labels: {app: d}}
                spec:
                  containers:
                  - name: d
                    image: example.com/d:1
                    ports: [{containerPort: 80, hostPort: 8080}]

            """;

        FixRun.Fix(text).Text.ShouldBe(text.Replace("maxSurge: 25%", "maxSurge: 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Fix_SuppressedFinding_IsNotFixed()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                hostnet.dev/ignore-HN030: "the node resolver is what we want"
            spec:
              hostNetwork: true
              containers: [{name: a, image: example.com/a:1}]

            """;

        FixRun.Fix(text).Changed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("  hostNetwork: true\n  hostnetwork: true\n", 1, "the right spelling is written too: renaming would make a duplicate key")]
    [InlineData("  x-hostnetwork: true\n", 1, "a key that is no field in any case")]
    [InlineData("  HOSTnetwork: true\n  dnspolicY: Default\n", 2, "silenced: hostnet.dev/ignore-HN004")]
    public void Fix_WrongCaseKeyThatIsNotUnambiguous_IsLeftAlone(string fields, int unknown, string why)
    {
        var annotations = why.StartsWith("silenced", StringComparison.Ordinal) ? "{hostnet.dev/ignore-HN004: \"written for our own tooling\"}" : "{}";
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: " + annotations + "\nspec:\n" + fields
            + "  containers:\n  - name: a\n    image: example.com/a:1\n    hostnetwork: true\n";

        // Plus the wrong-case pod-level field under the container, which belongs one level up: also left alone.
        Fixtures.Check(text).Diagnostics.Count(d => d.Rule.Id == "HN004").ShouldBe(unknown + 1, why);
        FixRun.Fix(text, rules: new HashSet<string>(["HN004"])).Changed.ShouldBeFalse(why);
    }

    [Fact]
    public void Fix_RuleFilter_FixesOnlyThoseRules()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: true
              containers:
              - name: a
                image: example.com/a:1
                ports: [{containerPort: 8080, hostPort: 80}]

            """;

        var result = FixRun.Fix(text, rules: new HashSet<string>(["HN002"]));

        result.Text.ShouldBe(text.Replace("hostPort: 80}", "hostPort: 8080}", StringComparison.Ordinal));
        result.Applied.Select(e => e.RuleId).ShouldAllBe(id => id == "HN002");
    }

    [Fact]
    public void JsonPatch_Edits_RenderAsRfc6902WithEscapedPointers()
    {
        FieldEdit[] edits =
        [
            new SetField("HN001", "spec.dnsPolicy", System.Text.Json.Nodes.JsonValue.Create("None")),
            new AddField("HN030", "metadata.annotations", "example.com/a~b", System.Text.Json.Nodes.JsonValue.Create("x")),
            new AppendItem("HN010", "spec.containers[0].ports", new System.Text.Json.Nodes.JsonObject { ["containerPort"] = 80 }),
            new RemoveField("HN004", "spec.containers[0]", "hostNetwork"),
        ];

        var json = JsonPatch.ToJson(JsonPatch.From(edits));

        json.ShouldBe("""[{"op":"replace","path":"/spec/dnsPolicy","value":"None"},{"op":"add","path":"/metadata/annotations/example.com~1a~0b","value":"x"},{"op":"add","path":"/spec/containers/0/ports/-","value":{"containerPort":80}},{"op":"remove","path":"/spec/containers/0/hostNetwork"}]""");
    }
}
