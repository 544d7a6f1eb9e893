using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Semantics.Schema;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

public sealed class StrictDecoderTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
        """;

    [Fact]
    public void Check_HostNetworkUnderContainer_ReportsUnknownFieldWithPodLevelHint()
    {
        var violation = Check(Deployment.Replace("    image: nginx:1.27\n", "    image: nginx:1.27\n        hostNetwork: true\n", StringComparison.Ordinal))
            .ShouldHaveSingleItem();

        violation.Kind.ShouldBe(SchemaViolationKind.UnknownField);
        violation.FieldPath.ShouldBe("spec.template.spec.containers[0].hostNetwork");
        violation.Message.ShouldBe("strict decoding error: unknown field \"spec.template.spec.containers[0].hostNetwork\"");
        violation.Hint.ShouldBe("\"hostNetwork\" is a pod-level field: move it to spec.template.spec");
        violation.Position.ShouldBe(new SourcePosition(18, 9));
    }

    [Theory]
    [InlineData("dnsPolicy: ClusterFirstWithHostNet", "dnsPolicy")]
    [InlineData("hostPID: true", "hostPID")]
    [InlineData("nodeSelector: {role: edge}", "nodeSelector")]
    [InlineData("tolerations: [{operator: Exists}]", "tolerations")]
    public void Check_PodFieldUnderContainer_SaysWhereItBelongs(string line, string field)
    {
        var violation = Check(PodWithContainerLine(line)).ShouldHaveSingleItem();

        violation.FieldPath.ShouldBe($"spec.containers[0].{field}");
        violation.Hint.ShouldBe($"\"{field}\" is a pod-level field: move it to spec");
    }

    [Fact]
    public void Check_WrongCaseAtPodLevel_SuggestsTheField()
    {
        var violation = Check(Pod("hostnetwork: true")).ShouldHaveSingleItem();

        violation.Message.ShouldBe("strict decoding error: unknown field \"spec.hostnetwork\"");
        violation.Hint.ShouldBe("did you mean \"hostNetwork\"?");
    }

    [Fact]
    public void Check_WrongCaseUnderContainer_SuggestsTheFieldAndItsLevel()
    {
        var violation = Check(PodWithContainerLine("hostnetwork: true")).ShouldHaveSingleItem();

        violation.Hint.ShouldBe("did you mean \"hostNetwork\"? \"hostNetwork\" is a pod-level field: move it to spec");
    }

    [Fact]
    public void Check_Typo_SuggestsTheField()
    {
        Check(Pod("hostNetwrok: true")).ShouldHaveSingleItem().Hint.ShouldBe("did you mean \"hostNetwork\"?");
    }

    [Theory]
    [InlineData("  replicas: 2\n", "  replicas: 2\n  hostNetwork: true\n", "spec.hostNetwork", "\"hostNetwork\" is a pod-level field: move it to spec.template.spec")]
    [InlineData("  replicas: 2\n", "  replicas: 2\n  containers: []\n", "spec.containers", "\"containers\" is a pod-level field: move it to spec.template.spec")]
    [InlineData("  template:\n", "  template:\n    hostNetwork: true\n", "spec.template.hostNetwork", "\"hostNetwork\" is a pod-level field: move it to spec.template.spec")]
    [InlineData("    app: web\n  template", "    app: web\n    replicas: 2\n  template", "spec.selector.replicas", "\"replicas\" is a field of spec: move it there")]
    [InlineData("  name: web\n", "  name: web\n  kind: Deployment\n", "metadata.kind", "\"kind\" is a top-level field: move it to the top level of the object")]
    public void Check_MisplacedField_SaysWhereItBelongs(string find, string replace, string path, string hint)
    {
        var violation = Check(Deployment.Replace(find, replace, StringComparison.Ordinal)).ShouldHaveSingleItem();

        violation.Message.ShouldBe($"strict decoding error: unknown field \"{path}\"");
        violation.Hint.ShouldBe(hint);
    }

    [Fact]
    public void Check_UnknownFieldInPort_ReportsIndexedPath()
    {
        var violation = Check(Deployment + "\n        - containerPort: 443\n          targetPort: 8443\n")
            .ShouldHaveSingleItem();

        violation.FieldPath.ShouldBe("spec.template.spec.containers[0].ports[1].targetPort");
        violation.Message.ShouldBe("strict decoding error: unknown field \"spec.template.spec.containers[0].ports[1].targetPort\"");
        violation.Position.ShouldBe(new SourcePosition(21, 11));
    }

    [Fact]
    public void Check_QuotedYesForBoolean_ReportsGoMessage()
    {
        var violation = Check(Deployment.Replace("      containers:\n", "      hostNetwork: \"yes\"\n      containers:\n", StringComparison.Ordinal))
            .ShouldHaveSingleItem();

        violation.Kind.ShouldBe(SchemaViolationKind.WrongType);
        violation.FieldPath.ShouldBe("spec.template.spec.hostNetwork");
        violation.Message.ShouldBe("json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.hostNetwork of type bool");
        violation.Hint.ShouldBe("write true without quotes: quoted, it is a string");
        violation.Position.ShouldBe(new SourcePosition(15, 20));
    }

    [Theory]
    [InlineData("hostNetwork: yes")]
    [InlineData("hostNetwork: true")]
    [InlineData("hostNetwork: off")]
    [InlineData("hostNetwork: null")]
    [InlineData("hostNetwork:")]
    public void Check_YamlBoolean_IsAccepted(string line)
    {
        Check(Pod(line)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("replicas: three", "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("replicas: \"3\"", "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("replicas: 1.5", "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("replicas: 3000000000", "json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("replicas: true", "json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("replicas: [1]", "json: cannot unmarshal array into Go struct field DeploymentSpec.spec.replicas of type int32")]
    public void Check_WrongReplicas_ReportsGoMessage(string line, string message)
    {
        var violation = Check(Deployment.Replace("replicas: 2", line, StringComparison.Ordinal)).ShouldHaveSingleItem();

        violation.FieldPath.ShouldBe("spec.replicas");
        violation.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("replicas: 2.0")]
    [InlineData("replicas: 1e1")]
    [InlineData("replicas: 0x10")]
    public void Check_IntegralNumberForInteger_IsAccepted(string line)
    {
        Check(Deployment.Replace("replicas: 2", line, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Check_QuotedContainerPort_ReportsGoMessageWithoutIndices()
    {
        var violation = Check(Deployment.Replace("containerPort: 80", "containerPort: \"8080\"", StringComparison.Ordinal)).ShouldHaveSingleItem();

        violation.FieldPath.ShouldBe("spec.template.spec.containers[0].ports[0].containerPort");
        violation.Message.ShouldBe("json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32");
        violation.Hint.ShouldBe("write 8080 without quotes: quoted, it is a string");
    }

    [Theory]
    [InlineData("version: 1.10", "metadata.labels[version]", "number", "quote the value: \"1.10\" (unquoted, YAML reads it as a number)")]
    [InlineData("app.kubernetes.io/version: 2", "metadata.labels[app.kubernetes.io/version]", "number", "quote the value: \"2\" (unquoted, YAML reads it as a number)")]
    [InlineData("canary: yes", "metadata.labels[canary]", "bool", "quote the value: \"yes\" (unquoted, YAML reads it as a boolean)")]
    public void Check_NonStringLabelValue_ReportsGoMessage(string label, string path, string goValue, string hint)
    {
        var violation = Check($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: edge\n  labels:\n    {label}\n").ShouldHaveSingleItem();

        violation.FieldPath.ShouldBe(path);
        violation.Message.ShouldBe($"json: cannot unmarshal {goValue} into Go struct field ObjectMeta.metadata.labels of type string");
        violation.Hint.ShouldBe(hint);
    }

    [Theory]
    [InlineData("annotations:\n    replicas: 3", "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string")]
    [InlineData("name: 123", "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string")]
    [InlineData("labels: [a]", "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string")]
    public void Check_WrongMetadataType_ReportsGoMessage(string line, string message)
    {
        Check($"apiVersion: v1\nkind: Service\nmetadata:\n  {line}\n").ShouldHaveSingleItem().Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("env: [{name: PORT, value: 8080}]", "spec.containers[0].env[0].value", "json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string")]
    [InlineData("image: 123", "spec.containers[0].image", "json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string")]
    [InlineData("command: [sleep, 10]", "spec.containers[0].command[1]", "json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string")]
    [InlineData("args: --verbose", "spec.containers[0].args", "json: cannot unmarshal string into Go struct field Container.spec.containers.args of type []string")]
    [InlineData("ports: {containerPort: 80}", "spec.containers[0].ports", "json: cannot unmarshal object into Go struct field Container.spec.containers.ports of type []v1.ContainerPort")]
    [InlineData("securityContext: privileged", "spec.containers[0].securityContext", "json: cannot unmarshal string into Go struct field Container.spec.containers.securityContext of type v1.SecurityContext")]
    [InlineData("imagePullPolicy: 1", "spec.containers[0].imagePullPolicy", "json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy")]
    [InlineData("resources: {limits: 1}", "spec.containers[0].resources.limits", "json: cannot unmarshal number into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList")]
    public void Check_WrongContainerType_ReportsGoMessage(string line, string path, string message)
    {
        var violation = Check(PodWithContainerLine(line)).ShouldHaveSingleItem();

        violation.FieldPath.ShouldBe(path);
        violation.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("livenessProbe: {httpGet: {port: http}}")]
    [InlineData("livenessProbe: {httpGet: {port: 8080}}")]
    [InlineData("readinessProbe: {tcpSocket: {port: \"8080\"}}")]
    [InlineData("startupProbe: {grpc: {port: 9090}}")]
    public void Check_IntOrStringPort_AcceptsIntegerAndName(string line)
    {
        Check(PodWithContainerLine(line)).ShouldBeEmpty();
    }

    [Fact]
    public void Check_BooleanIntOrString_FallsBackToOwnMessage()
    {
        var violation = Check(PodWithContainerLine("livenessProbe: {httpGet: {port: true}}")).ShouldHaveSingleItem();

        violation.FieldPath.ShouldBe("spec.containers[0].livenessProbe.httpGet.port");
        violation.Message.ShouldBe("spec.containers[0].livenessProbe.httpGet.port: expected integer or string, got boolean true");
    }

    [Theory]
    [InlineData("targetPort: http")]
    [InlineData("targetPort: 8080")]
    public void Check_ServiceTargetPort_AcceptsIntegerAndName(string line)
    {
        Check($"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    {line}\n").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("cpu: 0.5")]
    [InlineData("cpu: 2")]
    [InlineData("cpu: 500m")]
    [InlineData("memory: \"64Mi\"")]
    [InlineData("memory: 64Mi")]
    [InlineData("memory:")]
    public void Check_Quantity_AcceptsNumbersAndStrings(string line)
    {
        Check(PodWithContainerLine($"resources: {{limits: {{{line}}}, requests: {{{line}}}}}")).ShouldBeEmpty();
    }

    [Fact]
    public void Check_BooleanQuantity_FallsBackToOwnMessage()
    {
        Check(PodWithContainerLine("resources: {limits: {cpu: true}}")).ShouldHaveSingleItem().Message
            .ShouldBe("spec.containers[0].resources.limits[cpu]: expected quantity (a number, or a string such as \"500m\" or \"64Mi\"), got boolean true");
    }

    [Theory]
    [InlineData("apiVersion: example.com/v1\nkind: Widget\nspec:\n  hostNetwork: \"yes\"\n  anything: [1]\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  port: 8080\n")]
    [InlineData("apiVersion: extensions/v1beta1\nkind: Deployment\nspec:\n  unknownField: 1\n")]
    public void Check_KindOutsideTheSchema_IsIgnored(string yaml)
    {
        Check(yaml).ShouldBeEmpty();
    }

    [Fact]
    public void Check_ListItem_ReportsPathsWithinTheItem()
    {
        var item = Deployment.Replace("\n", "\n    ", StringComparison.Ordinal).Replace("      image: nginx:1.27", "      image: nginx:1.27\n            hostNetwork: true", StringComparison.Ordinal);
        var violation = Check($"apiVersion: v1\nkind: List\nitems:\n  - {item}\n").ShouldHaveSingleItem();

        violation.Message.ShouldBe("strict decoding error: unknown field \"spec.template.spec.containers[0].hostNetwork\"");
        violation.Position.Line.ShouldBe(21);
    }

    [Fact]
    public void Check_CronJob_ReportsJobTemplatePath()
    {
        const string cronJob = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: backup
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: backup
                        image: busybox
                        hostNetwork: true
                        ports:
                        - containerPort: "9000"
            """;

        var violations = Check(cronJob);

        violations.Select(v => v.Message).ShouldBe([
            "strict decoding error: unknown field \"spec.jobTemplate.spec.template.spec.containers[0].hostNetwork\"",
            "json: cannot unmarshal string into Go struct field ContainerPort.spec.jobTemplate.spec.template.spec.containers.ports.containerPort of type int32",
        ]);
        violations[0].Hint.ShouldBe("\"hostNetwork\" is a pod-level field: move it to spec.jobTemplate.spec.template.spec");
    }

    [Fact]
    public void Check_KubectlDryRunOutput_IsAccepted()
    {
        const string generated = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: web
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                spec:
                  containers:
                  - image: nginx
                    name: nginx
                    resources: {}
            status: {}
            """;

        Check(generated).ShouldBeEmpty();
    }

    [Fact]
    public void Default_CoversTheBuiltInKinds()
    {
        var schema = ApiSchema.Default;

        schema.Covers("apps/v1", "Deployment").ShouldBeTrue();
        schema.Covers("v1", "Pod").ShouldBeTrue();
        schema.Covers("networking.k8s.io/v1", "NetworkPolicy").ShouldBeTrue();
        schema.Covers("v1", "ConfigMap").ShouldBeFalse();
        schema.Kinds.ShouldContain(new ApiKind("batch/v1", "CronJob"));
        schema.Kinds.ShouldBe(schema.Kinds.OrderBy(k => k.ApiVersion, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_MalformedSchema_Throws()
    {
        Should.Throw<FormatException>(() => ApiSchema.Parse("kind v1 Pod Pod\ntype Pod\n  spec PodSpec\n"))
            .Message.ShouldBe("schema line 3: unknown type 'PodSpec'");
    }

    [Fact]
    public void Check_UpstreamFixtures_HaveNoViolations()
    {
        var fixtures = Path.Combine(RepositoryPaths.Reference, "k8s-api-fixtures");
        var documents = Directory.EnumerateFiles(fixtures, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => new ManifestLoader().Load(new SourceFile(path, File.ReadAllText(path))).Documents)
            .Where(document => ApiSchema.Default.Covers(document.ApiVersion, document.Kind))
            .ToList();

        documents.Count.ShouldBeGreaterThan(25);
        documents.SelectMany(d => StrictDecoder.Check(d).Select(v => $"{d.File}:{v.Position} {v.Message}")).ShouldBeEmpty();
    }

    [Fact]
    public void Check_Corpus_HasNoViolations()
    {
        var files = new[] { "real", "negatives" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, folder), "*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        files.ShouldNotBeEmpty();

        var checkedObjects = 0;
        var findings = new List<string>();
        foreach (var path in files)
        {
            var result = new ManifestLoader().Load(new SourceFile(Path.GetRelativePath(RepositoryPaths.Corpus, path), File.ReadAllText(path)));
            foreach (var document in result.Documents)
            {
                checkedObjects += ApiSchema.Default.Covers(document.ApiVersion, document.Kind) ? 1 : 0;
                findings.AddRange(StrictDecoder.Check(document).Select(v => $"{document.File}:{v.Position} {document.Kind}: {v.Message}"));
            }
        }

        findings.ShouldBeEmpty();
        checkedObjects.ShouldBeGreaterThan(50);
    }

    /// <summary>
    /// Findings at every kind of place in one object, in the walk's order: scalars of a struct, of an array and of a map,
    /// collections where scalars belong and the reverse, unknown fields beside them and below them. The walk adds a
    /// scalar's segment to its path only to report it: each finding's path and message must be the whole path, and
    /// the paths after it must not keep the segment (the expected list is what the walk gave when it added every segment).
    /// </summary>
    [Fact]
    public void Check_FindingsEverywhere_EachWithItsPathPositionAndMessageInOrder()
    {
        const string Yaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: 1
          labels: {a: 1, b: ok, c: true, d: [x], e: {f: 1}}
          annotations:
            n: null
            m: 2.5
        spec:
          hostNetwork: "yes"
          containers:
          - name: web
            image: 2
            command: [sleep, 10, 20, {a: 1}, [b]]
            args: x
            ports:
            - containerPort: "80"
              hostport: 1
              hostPort: 99999999999
            - {containerPort: 1.5, protocol: 3, hostPort: 1e3}
            - 7
            resources: {limits: {cpu: [1], memory: true}, requests: 5}
            bogus: 1
            hostPID: true
            securityContext: {runAsUser: 1e30, privileged: "true", capabilities: {add: [1, NET_ADMIN], drop: x}}
          dnsPolicy: 5
          tolerations: {a: 1}
          volumes:
          - name: v
            hostPath: {path: 1, tpye: x}
          extra: x
          securityContext: {sysctls: [{name: 1, value: 2, x: 3}]}
        """;
        (string Path, int Line, int Column, string Message, string? Hint)[] expected =
        [
            ("metadata.name", 4, 9, "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string", "quote the value: \"1\" (unquoted, YAML reads it as a number)"),
            ("metadata.labels[a]", 5, 15, "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string", "quote the value: \"1\" (unquoted, YAML reads it as a number)"),
            ("metadata.labels[c]", 5, 28, "json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string", "quote the value: \"true\" (unquoted, YAML reads it as a boolean)"),
            ("metadata.labels[d]", 5, 37, "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type string", null),
            ("metadata.labels[e]", 5, 45, "json: cannot unmarshal object into Go struct field ObjectMeta.metadata.labels of type string", null),
            ("metadata.annotations[m]", 8, 8, "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string", "quote the value: \"2.5\" (unquoted, YAML reads it as a number)"),
            ("spec.hostNetwork", 10, 16, "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool", "write true without quotes: quoted, it is a string"),
            ("spec.containers[0].image", 13, 12, "json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string", "quote the value: \"2\" (unquoted, YAML reads it as a number)"),
            ("spec.containers[0].command[1]", 14, 22, "json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string", "quote the value: \"10\" (unquoted, YAML reads it as a number)"),
            ("spec.containers[0].command[2]", 14, 26, "json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string", "quote the value: \"20\" (unquoted, YAML reads it as a number)"),
            ("spec.containers[0].command[3]", 14, 30, "json: cannot unmarshal object into Go struct field Container.spec.containers.command of type string", null),
            ("spec.containers[0].command[4]", 14, 38, "json: cannot unmarshal array into Go struct field Container.spec.containers.command of type string", null),
            ("spec.containers[0].args", 15, 11, "json: cannot unmarshal string into Go struct field Container.spec.containers.args of type []string", null),
            ("spec.containers[0].ports[0].containerPort", 17, 22, "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32", "write 80 without quotes: quoted, it is a string"),
            ("spec.containers[0].ports[0].hostport", 18, 7, "strict decoding error: unknown field \"spec.containers[0].ports[0].hostport\"", "did you mean \"hostPort\"?"),
            ("spec.containers[0].ports[0].hostPort", 19, 17, "json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.hostPort of type int32", null),
            ("spec.containers[0].ports[1].containerPort", 20, 23, "json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32", null),
            ("spec.containers[0].ports[1].protocol", 20, 38, "json: cannot unmarshal number into Go struct field ContainerPort.spec.containers.ports.protocol of type v1.Protocol", "quote the value: \"3\" (unquoted, YAML reads it as a number)"),
            ("spec.containers[0].ports[2]", 21, 7, "json: cannot unmarshal number into Go struct field Container.spec.containers.ports of type v1.ContainerPort", null),
            ("spec.containers[0].resources.limits[cpu]", 22, 31, "spec.containers[0].resources.limits[cpu]: expected quantity (a number, or a string such as \"500m\" or \"64Mi\"), got array", null),
            ("spec.containers[0].resources.limits[memory]", 22, 44, "spec.containers[0].resources.limits[memory]: expected quantity (a number, or a string such as \"500m\" or \"64Mi\"), got boolean true", null),
            ("spec.containers[0].resources.requests", 22, 61, "json: cannot unmarshal number into Go struct field ResourceRequirements.spec.containers.resources.requests of type v1.ResourceList", null),
            ("spec.containers[0].bogus", 23, 5, "strict decoding error: unknown field \"spec.containers[0].bogus\"", null),
            ("spec.containers[0].hostPID", 24, 5, "strict decoding error: unknown field \"spec.containers[0].hostPID\"", "\"hostPID\" is a pod-level field: move it to spec"),
            ("spec.containers[0].securityContext.runAsUser", 25, 34, "json: cannot unmarshal number 1e+30 into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64", null),
            ("spec.containers[0].securityContext.privileged", 25, 52, "json: cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.privileged of type bool", "write true without quotes: quoted, it is a string"),
            ("spec.containers[0].securityContext.capabilities.add[0]", 25, 81, "json: cannot unmarshal number into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type v1.Capability", "quote the value: \"1\" (unquoted, YAML reads it as a number)"),
            ("spec.containers[0].securityContext.capabilities.drop", 25, 102, "json: cannot unmarshal string into Go struct field Capabilities.spec.containers.securityContext.capabilities.drop of type []v1.Capability", null),
            ("spec.dnsPolicy", 26, 14, "json: cannot unmarshal number into Go struct field PodSpec.spec.dnsPolicy of type v1.DNSPolicy", "quote the value: \"5\" (unquoted, YAML reads it as a number)"),
            ("spec.tolerations", 27, 16, "json: cannot unmarshal object into Go struct field PodSpec.spec.tolerations of type []v1.Toleration", null),
            ("spec.volumes[0].hostPath.path", 30, 22, "json: cannot unmarshal number into Go struct field HostPathVolumeSource.spec.volumes.hostPath.path of type string", "quote the value: \"1\" (unquoted, YAML reads it as a number)"),
            ("spec.volumes[0].hostPath.tpye", 30, 25, "strict decoding error: unknown field \"spec.volumes[0].hostPath.tpye\"", null),
            ("spec.extra", 31, 3, "strict decoding error: unknown field \"spec.extra\"", null),
            ("spec.securityContext.sysctls[0].name", 32, 38, "json: cannot unmarshal number into Go struct field Sysctl.spec.securityContext.sysctls.name of type string", "quote the value: \"1\" (unquoted, YAML reads it as a number)"),
            ("spec.securityContext.sysctls[0].value", 32, 48, "json: cannot unmarshal number into Go struct field Sysctl.spec.securityContext.sysctls.value of type string", "quote the value: \"2\" (unquoted, YAML reads it as a number)"),
            ("spec.securityContext.sysctls[0].x", 32, 51, "strict decoding error: unknown field \"spec.securityContext.sysctls[0].x\"", null),
        ];

        var found = Check(Yaml).Select(v => (v.FieldPath, v.Position.Line, v.Position.Column, v.Message, v.Hint)).ToArray();

        found.ShouldBe(expected);
    }

    private static List<SchemaViolation> Check(string yaml)
    {
        var result = new ManifestLoader().Load(new SourceFile("test.yaml", yaml));
        result.Problems.ShouldBeEmpty();
        result.Documents.ShouldNotBeEmpty();
        return [.. result.Documents.SelectMany(StrictDecoder.Check)];
    }

    private static string Pod(string podSpecLine) =>
        $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  {podSpecLine}\n  containers:\n  - name: c\n    image: busybox\n";

    private static string PodWithContainerLine(string containerLine) =>
        $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    {containerLine}\n";
}
