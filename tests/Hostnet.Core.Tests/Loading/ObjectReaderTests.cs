using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// How <see cref="Hostnet.Core.Loading.ObjectReader"/> reads lists whose items are not all what the field takes (the
/// strict decoder reports those; the model must still read the rest the same way): which items are kept and which
/// index each model element's path carries.
/// </summary>
public sealed class ObjectReaderTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: a
            env:
            - just-a-string
            - name: X
              value: "1"
            ports:
            - 7
            - containerPort: 80
            command: [run, null, ~]
          - plain
          volumes:
          - name: data
            hostPath: {path: /d}
          - name: only
          tolerations: [x, {key: k}]
        """;

    [Fact]
    public void Containers_EveryItemKept_AScalarAsAnEmptyContainer()
    {
        var containers = Manifests.Workload(Pod).Spec.Containers;

        containers.Select(c => (c.Path, c.Name)).ShouldBe([("spec.containers[0]", "a"), ("spec.containers[1]", string.Empty)]);
        containers[1].Ports.ShouldBeEmpty();
        containers[1].Env.ShouldBeEmpty();
        containers[1].NetworkHandlers.ShouldBeEmpty();
    }

    [Fact]
    public void Env_OnlyMappingsKept_IndexedAmongThemselves()
    {
        var env = Manifests.Workload(Pod).Spec.Containers[0].Env;

        env.ShouldBe([new Hostnet.Core.Model.EnvVar("spec.containers[0].env[0]", "X", "1")]);
    }

    [Fact]
    public void Ports_EveryItemKept_AtItsOwnIndex()
    {
        var ports = Manifests.Workload(Pod).Spec.Containers[0].Ports;

        ports.Select(p => (p.Path, p.ContainerPortNumber)).ShouldBe([("spec.containers[0].ports[0]", 0), ("spec.containers[0].ports[1]", 80)]);
    }

    [Fact]
    public void Command_NullItemsReadAsEmptyStrings()
    {
        Manifests.Workload(Pod).Spec.Containers[0].Command.ShouldBe(["run", string.Empty, string.Empty]);
    }

    [Fact]
    public void Volumes_SourcesAreTheKeysBesidesName()
    {
        var volumes = Manifests.Workload(Pod).Spec.Volumes;

        volumes.Select(v => (v.Path, v.Name, string.Join(",", v.Sources))).ShouldBe([("spec.volumes[0]", "data", "hostPath"), ("spec.volumes[1]", "only", string.Empty)]);
    }

    [Fact]
    public void Tolerations_OnlyMappingsKept()
    {
        Manifests.Workload(Pod).Spec.Tolerations.Select(t => t.Key).ShouldBe(["k"]);
    }
}
