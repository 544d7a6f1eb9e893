using System.Globalization;
using System.Text;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class SnapshotReaderTests
{
    private const string NodeJson = """{"apiVersion":"v1","kind":"Node","metadata":{"name":"NAME"},"status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"}}}""";

    private static string Node(string name) => NodeJson.Replace("NAME", name, StringComparison.Ordinal);

    private static string Pod(string name, string node) =>
        $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"default"},"spec":{"nodeName":"{{{node}}}","containers":[{"name":"c","image":"i"}]},"status":{"phase":"Running"}}""";

    private static string List(params string[] items) => $$$"""{"apiVersion":"v1","items":[{{{string.Join(",", items)}}}],"kind":"List","metadata":{"resourceVersion":""}}""";

    [Fact]
    public void Read_KubectlJsonAndYaml_GiveTheSameModel()
    {
        var json = SnapshotText.ReadFixture("kubectl-list.json");
        var yaml = SnapshotText.ReadFixture("kubectl-list.yaml");
        json.Errors.ShouldBeEmpty();
        yaml.Errors.ShouldBeEmpty();
        SnapshotText.Model(json.Snapshot).ShouldBe(SnapshotText.Model(yaml.Snapshot));
    }

    [Fact]
    public void Read_KubectlList_ReadsNodes()
    {
        var snapshot = SnapshotText.ReadFixture("kubectl-list.json").Snapshot;
        snapshot.Nodes.Select(n => n.Name).ShouldBe(["node-1", "node-2", "control-plane"]);
        var node = snapshot.Nodes[2];
        node.InternalIP.ShouldBe("10.0.0.10");
        node.PodCidr.ShouldBe("10.244.0.0/24");
        node.Allocatable["cpu"].ShouldBe("3800m");
        node.Allocatable["pods"].ShouldBe("110");
        node.Taints.ShouldBe([new Taint("node-role.kubernetes.io/control-plane", string.Empty, "NoSchedule")]);
        node.Metadata.Labels["kubernetes.io/hostname"].ShouldBe("control-plane");
        snapshot.Namespaces.Select(n => n.Name).ShouldBe(["default", "monitoring"]);
        snapshot.Services.ShouldHaveSingleItem().Ports.ShouldHaveSingleItem().NodePort.ShouldBe(30080);
    }

    [Fact]
    public void Read_KubectlList_ReadsPodsWithStatusAndOwners()
    {
        var pods = SnapshotText.ReadFixture("kubectl-list.json").Snapshot.Pods.ToDictionary(p => p.Pod.Name);
        var exporter = pods["node-exporter-7xk2p"];
        exporter.NodeName.ShouldBe("node-1");
        exporter.Pod.Spec.HostNetwork.ShouldBeTrue();
        exporter.Pod.Spec.Containers[0].Ports[0].HostPort.ShouldBe(9100);
        exporter.Pod.Spec.Containers[0].Args.ShouldBe(["--web.listen-address=:9100"]);
        exporter.Controller.ShouldBe(new OwnerReference("DaemonSet", "node-exporter", true));
        exporter.Status.PodIP.ShouldBe("10.0.0.11");
        exporter.Status.HostIP.ShouldBe("10.0.0.11");
        exporter.Status.Phase.ShouldBe("Running");
        exporter.Status.Terminating.ShouldBeFalse();

        pods["leaving-12345"].Status.Terminating.ShouldBeTrue();
        pods["old-job-abcde"].Status.Phase.ShouldBe("Succeeded");
        var pending = pods["pending-12345"];
        pending.NodeName.ShouldBeNull();
        var scheduled = pending.Status.Conditions.ShouldHaveSingleItem();
        scheduled.Type.ShouldBe("PodScheduled");
        scheduled.Reason.ShouldBe("Unschedulable");
        scheduled.Message!.ShouldStartWith("0/3 nodes are available: 1 node(s) had untolerated taint");
    }

    [Fact]
    public void Read_KubectlList_DropsManagedFieldsAndLastApplied()
    {
        var pod = SnapshotText.ReadFixture("kubectl-list.json").Snapshot.Pods[0].Pod;
        pod.Metadata.Annotations.ShouldBeEmpty();
        pod.Source.Root.Entries.ToArray().Select(e => e.Key).ShouldBe(["apiVersion", "kind", "metadata"]);
    }

    [Fact]
    public void Read_CompactSnapshot_ReadsServerVersionAndWorkloads()
    {
        var result = SnapshotText.ReadFixture("snapshot-compact.json");
        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        result.Snapshot.ServerVersion.ShouldBe(new KubeVersion(1, 31));
        result.Snapshot.Workloads.ShouldHaveSingleItem().DisplayName.ShouldBe("DaemonSet/node-exporter");
        result.Snapshot.Pods.Count.ShouldBe(6);
    }

    [Fact]
    public void Read_YamlListWithServerVersion_ReadsIt()
    {
        var result = SnapshotText.Read("apiVersion: v1\nkind: List\nmetadata:\n  annotations:\n    hostnet.dev/server-version: v1.29.0\nitems:\n- " + Node("n1") + "\n", "cluster.yaml");
        result.Errors.ShouldBeEmpty();
        result.Snapshot.ServerVersion.ShouldBe(new KubeVersion(1, 29));
        result.Snapshot.Nodes.ShouldHaveSingleItem().Name.ShouldBe("n1");
    }

    [Fact]
    public void Read_StreamOfObjects_ReadsEach()
    {
        var result = SnapshotText.ReadFixture("object-stream.json");
        result.Errors.ShouldBeEmpty();
        result.Snapshot.Nodes.ShouldHaveSingleItem().Name.ShouldBe("node-1");
        result.Snapshot.Pods.ShouldHaveSingleItem().Pod.Name.ShouldBe("node-exporter-7xk2p");
    }

    [Fact]
    public void Read_EscapedPropertyNames_AreKeptOrSkippedAsTheirUnescapedNames()
    {
        // "na\u006de" is metadata's name (kept), "\u0076olumes" the spec's volumes (skipped), "\u0070hase" the status' phase.
        var pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"na\u006de":"p","namespace":"default"},"spec":{"nodeName":"a","\u0076olumes":[{"name":"v","hostPath":{"path":"/x"}}],"containers":[{"name":"c","image":"i"}]},"status":{"\u0070hase":"Running"}}""";
        var result = SnapshotText.Read(List(Node("a"), pod));
        result.Errors.ShouldBeEmpty();
        var read = result.Snapshot.Pods.ShouldHaveSingleItem();
        read.Pod.Name.ShouldBe("p");
        read.Pod.Spec.Volumes.ShouldBeEmpty();
        read.Status.Phase.ShouldBe("Running");
    }

    [Fact]
    public void Read_Json_PositionsEachObjectAtItsBrace()
    {
        var text = "{\n  \"apiVersion\": \"v1\",\n  \"items\": [\n    " + Node("a") + ",\n      " + Pod("p", "a") + "\n  ],\n  \"kind\": \"List\"\n}\n";
        var snapshot = SnapshotText.Read(text).Snapshot;
        snapshot.Nodes[0].Source.Root.Position.ShouldBe(new SourcePosition(4, 5));
        snapshot.Pods[0].Pod.Source.Root.Position.ShouldBe(new SourcePosition(5, 7));
        snapshot.Pods[0].Pod.Source.KindPosition.ShouldBe(new SourcePosition(5, 26));
    }

    [Fact]
    public void Read_LargeJson_AcrossManyBufferRefills_KeepsEveryObjectAndPosition()
    {
        // About 4 MiB, pretty-printed: objects are cut by the buffer's end many times and read again.
        var text = new StringBuilder("{\n\"apiVersion\": \"v1\",\n\"items\": [\n");
        var expected = new List<int>();
        var line = 4;
        const int Count = 12_000;
        for (var i = 0; i < Count; i++)
        {
            expected.Add(line);
            var pod = Pod(string.Create(CultureInfo.InvariantCulture, $"pod-{i}"), "n").Replace(",", ",\n  ", StringComparison.Ordinal);
            text.Append(pod).Append(i == Count - 1 ? "\n" : ",\n");
            line += pod.Count(c => c == '\n') + 1;
        }

        text.Append("],\n\"kind\": \"List\"\n}\n");
        var result = SnapshotText.Read(text.ToString());
        result.Errors.ShouldBeEmpty();
        result.Snapshot.Pods.Count.ShouldBe(Count);
        result.Snapshot.Pods.Select(p => p.Pod.Source.Root.Position.Line).ShouldBe(expected);
        result.Snapshot.Pods[Count - 1].Pod.Name.ShouldBe("pod-11999");
    }

    [Fact]
    public void Read_MalformedJson_ReportsLineAndColumn()
    {
        var result = SnapshotText.Read("{\n  \"apiVersion\": \"v1\",\n  \"items\": [\n    {\"kind\": \"Node\",, }\n  ]\n}\n");
        var error = result.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe("InputProblem { File = cluster.json, Position = 4:21, Message = malformed JSON: ',' is an invalid start of a property name. Expected a '\"'. }");
        result.Snapshot.ShouldBe(ClusterSnapshot.Empty);
    }

    [Theory]
    [InlineData("""{"name":"p","labels":{"a":"\ud800"}}""", "4:74")]
    [InlineData("""{"name":"p","\udc00x":1}""", "4:60")]
    public void Read_EscapedHalfOfASurrogatePair_IsAnErrorAtTheString(string metadata, string position)
    {
        var pod = """{"apiVersion":"v1","kind":"Pod","metadata":METADATA}""".Replace("METADATA", metadata, StringComparison.Ordinal);
        var result = SnapshotText.Read("{\n  \"apiVersion\": \"v1\",\n  \"items\": [\n    " + pod + "\n  ]\n}\n");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Position.ToString().ShouldBe(position);
        error.Message.ShouldStartWith("malformed JSON: Cannot read ");
    }

    [Fact]
    public void Read_TruncatedJson_IsAnError()
    {
        var result = SnapshotText.Read(List(Node("a")).Substring(0, 60));
        result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("malformed JSON: ");
    }

    [Theory]
    [InlineData("[1, 2]", "not a List or a stream of Kubernetes objects: the input holds a JSON array")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"items\":[]}", "not a List or a stream of Kubernetes objects: a Pod with items")]
    [InlineData("{\"metadata\":{\"name\":\"x\"}}", "not a Kubernetes object (no apiVersion and kind)")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[42]}", "not a Kubernetes object (a integer)")]
    public void Read_NotAListOfObjects_IsAnError(string text, string message)
    {
        SnapshotText.Read(text).Errors.ShouldHaveSingleItem().Message.ShouldBe(message);
    }

    [Fact]
    public void Read_YamlThatIsNoObject_IsAnError()
    {
        SnapshotText.Read("just: a map\n", "cluster.yaml").Errors.ShouldHaveSingleItem().Message
            .ShouldBe("not a List or a stream of Kubernetes objects: not a Kubernetes object (no apiVersion and kind)");
    }

    [Fact]
    public void Read_DuplicateNodeNames_IsAnErrorNamingTheFirst()
    {
        var result = SnapshotText.Read("{\"apiVersion\":\"v1\",\"items\":[\n" + Node("a") + ",\n" + Node("a") + "\n],\"kind\":\"List\"}");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Position.ShouldBe(new SourcePosition(3, 1));
        error.Message.ShouldBe("duplicate Node \"a\" (first at line 2, column 1)");
    }

    [Fact]
    public void Read_ErrorsOfTheBuilderAndTheReader_AcrossManyBatches_KeepTheInputsOrder()
    {
        // The builder takes the reader's objects on another thread, in batches (SnapshotHandOff): a duplicate found by
        // the builder in a late batch still comes before the syntax error the reader finds after it, on its own line.
        var items = Enumerable.Range(0, 2_000).Select(i => Pod(string.Create(CultureInfo.InvariantCulture, $"p{i}"), "n")).ToList();
        items.Add(Pod("p1500", "n"));
        var text = "{\"apiVersion\":\"v1\",\"items\":[\n" + string.Join(",\n", items) + ",\n{\"kind\":,}\n]}";
        var errors = SnapshotText.Read(text).Errors;
        errors.Select(e => $"{e.Position.Line}:{e.Position.Column} {e.Message}").ShouldBe(
        [
            "2002:1 duplicate Pod \"default/p1500\" (first at line 1502, column 1)",
            "2003:9 malformed JSON: ',' is an invalid start of a value.",
        ]);
    }

    [Fact]
    public void Read_DuplicateKey_IsAnError()
    {
        var result = SnapshotText.Read("{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"kind\":\"Pod\"}");
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("key \"kind\" already set in map (first at line 1, column 20)");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(40)]
    [InlineData(5_000)]
    public void Read_DuplicateKeyOfAMap_IsReportedAtItsFirstPosition_ScannedOrThroughTheMapsIndex(int labels)
    {
        // Past SourceMapping.LinearSearchLimit keys a map's keys are looked up in an index, not scanned (a map of a
        // million keys would otherwise cost half a million million comparisons): the same error either way, for a key
        // set before the index was made (l7) and one added to it after (the last).
        foreach (var twice in new[] { "l7", string.Create(CultureInfo.InvariantCulture, $"l{labels - 1}") })
        {
            var keys = string.Join(",", Enumerable.Range(0, labels).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"l{i}\":\"v\"")));
            var text = List($$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default","labels":{{{{keys}}},"{{{twice}}}":"w"}},"spec":{"nodeName":"n","containers":[]}}""");
            var first = text.IndexOf($"\"{twice}\":", StringComparison.Ordinal) + 1;
            var second = text.LastIndexOf($"\"{twice}\":", StringComparison.Ordinal) + 1;
            var error = SnapshotText.Read(text).Errors.ShouldHaveSingleItem();
            error.Message.ShouldBe(string.Create(CultureInfo.InvariantCulture, $"key \"{twice}\" already set in map (first at line 1, column {first})"));
            error.Position.ShouldBe(new SourcePosition(1, second));
        }
    }

    [Fact]
    public void Read_NodeWithoutAllocatable_ReadsZeroAndWarns()
    {
        var result = SnapshotText.Read(List("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"bare"}}"""));
        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().Message.ShouldBe("Node \"bare\" has no status.allocatable: read as 0 cpu, 0 memory and 0 pods, so the scheduler places nothing there");
        result.Snapshot.Nodes[0].Allocatable.ShouldBe(new Dictionary<string, string> { ["cpu"] = "0", ["memory"] = "0", ["pods"] = "0" });
    }

    [Fact]
    public void Read_PodsOnUnknownNode_AreKeptWithOneWarningPerNode()
    {
        var result = SnapshotText.Read(List(Node("a"), Pod("p1", "gone"), Pod("p2", "gone"), Pod("p3", "a")));
        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().Message.ShouldBe("Pod \"default/p1\" and 1 more pods are bound to node \"gone\", which is not in the snapshot: listed, but holding no ports or resources on any node");
        result.Snapshot.Pods.Count.ShouldBe(3);
    }

    [Fact]
    public void Read_ObjectLargerThanTheLimit_IsAnError()
    {
        var big = new string('x', 3 << 20);
        var text = List("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + big + "\"}}");
        var result = SnapshotText.Read(text, limits: LoaderLimits.Default with { MaxFileBytes = 2 << 20 });
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("an object of the snapshot is larger than the 2 MiB limit");
    }

    [Fact]
    public void Read_DeepNesting_IsAnErrorNotACrash()
    {
        var text = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":" + new string('[', 500) + new string(']', 500) + "}";
        SnapshotText.Read(text).Errors.ShouldHaveSingleItem().Message.ShouldStartWith("malformed JSON: ");
    }

    [Fact]
    public void Read_OtherKinds_AreIgnored()
    {
        var result = SnapshotText.Read(List("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"b"}}""", Node("a")));
        result.Errors.ShouldBeEmpty();
        result.Snapshot.Nodes.ShouldHaveSingleItem();
    }
    [Fact]
    public void Read_Json_KeepsNetworkPoliciesAndControllersStatusAndOwner()
    {
        var daemonSet = """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","namespace":"a","ownerReferences":[{"kind":"Agent","name":"x","controller":true}]},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}},"status":{"desiredNumberScheduled":5,"numberAvailable":4,"conditions":[{"type":"Ready","status":"False","reason":"R","message":"m"}],"observedGeneration":2}}""";
        var job = """{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}},"status":{"succeeded":1}}""";
        var policy = """{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny","namespace":"a"},"spec":{"podSelector":{"matchLabels":{"app":"x"}}}}""";

        var snapshot = SnapshotText.Read(List(Node("n"), daemonSet, job, policy)).Snapshot;

        var status = snapshot.StatusOf(snapshot.Workloads[0]);
        status.Count("desiredNumberScheduled").ShouldBe(5);
        status.Count("numberAvailable").ShouldBe(4);
        status.Controller.ShouldBe(new OwnerReference("Agent", "x", true));
        status.Condition("Ready").ShouldBe(new PodCondition("Ready", "False", "R", "m"));
        // A Job's status is not read: the audit compares only Deployments, DaemonSets, StatefulSets and ReplicaSets.
        snapshot.StatusOf(snapshot.Workloads[1]).Counts.ShouldBeEmpty();
        snapshot.NetworkPolicies.ShouldHaveSingleItem().PodSelector.MatchLabels["app"].ShouldBe("x");
    }

    [Fact]
    public void Read_Json_SkipsWhatTheModelDoesNotReadAndReadsTheSameModelAsTheWholeTree()
    {
        // Every field SnapshotTrimming skips below spec and in owner references, beside the ones read next to them,
        // and the same names as keys of the users' maps (labels, resources), which are read whole.
        const string Container = """
            {"name":"c","image":"i","readOnlyRootFilesystem":true,
             "env":[{"name":"A","value":"1"},{"name":"B","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"spec.nodeName"}}}],
             "ports":[{"containerPort":8080,"hostPort":8080,"protocol":"TCP","name":"http"}],
             "livenessProbe":{"httpGet":{"path":"/healthz","port":8080,"scheme":"HTTP","host":"h","httpHeaders":[{"name":"X","value":"y"}]},"failureThreshold":3,"periodSeconds":10,"successThreshold":1,"timeoutSeconds":1,"initialDelaySeconds":5},
             "readinessProbe":{"tcpSocket":{"port":"http"},"periodSeconds":5},
             "startupProbe":{"grpc":{"port":9090},"timeoutSeconds":2},
             "lifecycle":{"preStop":{"httpGet":{"path":"/stop","port":8081}}},
             "securityContext":{"privileged":false,"readOnlyRootFilesystem":true,"capabilities":{"add":["NET_ADMIN"]}},
             "resources":{"requests":{"cpu":"50m","example.com/path":"1"},"limits":{"memory":"1Gi","scheme":"1"}}}
            """;
        const string Affinity = """
            {"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchFields":[{"key":"metadata.name","operator":"In","values":["n"]}]}]},
                             "preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"preference":{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}}]},
             "podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"app":"x","path":"p"}},"topologyKey":"kubernetes.io/hostname"}],
                                "preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"podAffinityTerm":{"topologyKey":"zone"}}]}}
            """;
        var spec = $$$"""{"nodeName":"n","hostNetwork":true,"schedulerName":"default-scheduler","nodeSelector":{"path":"p","scheme":"s","volumes":"v","valueFrom":"f"},"affinity":{{{Affinity}}},"containers":[{{{Container}}}],"initContainers":[{{{Container}}}],"tolerations":[{"key":"k","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]}""";
        var owners = """[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"ds","uid":"u-1","controller":true,"blockOwnerDeletion":true}]""";
        var pod = $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"a","ownerReferences":{{{owners}}}},"spec":{{{spec}}},"status":{"phase":"Running"}}""";
        var deployment = $$$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"a","ownerReferences":{{{owners}}}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"x","periodSeconds":"1"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{{{spec}}}}},"status":{"replicas":2}}""";
        var service = """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"a"},"spec":{"selector":{"path":"p","volumes":"v"},"ports":[{"port":80}]}}""";
        var text = List(Node("n"), pod, deployment, service);

        var json = SnapshotText.Read(text);
        // JSON is YAML: after a comment line the same text goes through the manifest loader's whole tree.
        var whole = SnapshotText.Read("# the same objects, read whole\n" + text, "cluster.yaml");

        json.Errors.ShouldBeEmpty();
        whole.Errors.ShouldBeEmpty();
        // The controllers' statuses are keyed by workload, which the model's JSON cannot name: compared on their own.
        SnapshotText.Model(json.Snapshot with { WorkloadStatuses = new Dictionary<Workload, WorkloadStatus>() }).ShouldBe(SnapshotText.Model(whole.Snapshot with { WorkloadStatuses = new Dictionary<Workload, WorkloadStatus>() }));
        json.Snapshot.WorkloadStatuses.Values.ShouldHaveSingleItem().ShouldBeEquivalentTo(whole.Snapshot.WorkloadStatuses.Values.ShouldHaveSingleItem());
        var read = json.Snapshot.Pods.ShouldHaveSingleItem();
        read.Controller.ShouldBe(new OwnerReference("DaemonSet", "ds", true));
        var container = read.Pod.Spec.Containers.ShouldHaveSingleItem();
        container.Env.Select(e => (e.Name, e.Value)).ShouldBe([("A", "1"), ("B", null)]);
        container.NetworkHandlers.Select(h => h.Action).ShouldBe(["httpGet", "tcpSocket", "grpc", "httpGet"]);
        read.Pod.Spec.Tolerations.ShouldHaveSingleItem().Effect.ShouldBe("NoExecute");
        read.Pod.Spec.RequiredNodeAffinity.ShouldHaveSingleItem();
        read.Pod.Spec.RequiredPodAntiAffinity.ShouldHaveSingleItem().TopologyKey.ShouldBe("kubernetes.io/hostname");
        read.Pod.Spec.NodeSelector.Keys.ShouldBe(["path", "scheme", "volumes", "valueFrom"], ignoreOrder: true);
        json.Snapshot.Services.ShouldHaveSingleItem().Selector!.Keys.ShouldBe(["path", "volumes"], ignoreOrder: true);
    }
}
