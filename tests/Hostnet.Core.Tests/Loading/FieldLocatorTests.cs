using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class FieldLocatorTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  ports:
                    - containerPort: 80
                    - containerPort: 443
                      hostPort: 8443
        """;

    private static ManifestDocument Load() => new ManifestLoader().Load(new SourceFile("d.yaml", Deployment)).Documents[0];

    [Theory]
    [InlineData("spec.template.spec.containers[0].ports[1].hostPort", 15, 25)]
    [InlineData("spec.template.spec.containers[0].ports[1].hostIP", 14, 15)]
    [InlineData("spec.template.spec.containers[0].ports", 12, 11)]
    [InlineData("spec.template.spec.hostNetwork", 9, 5)]
    [InlineData("metadata.labels[app.kubernetes.io/name]", 6, 29)]
    [InlineData("nothing.here", 2, 1)]
    [InlineData(null, 2, 1)]
    public void Locate_Path_PointsAtMostSpecificPresentField(string? path, int line, int column) =>
        FieldLocator.Locate(Load(), path).ShouldBe(new SourcePosition(line, column));

    [Fact]
    public void Segments_BracketedKeysWithDots_StayWhole() =>
        FieldLocator.Segments("metadata.annotations[hostnet.dev/ignore-HN030].x[2]").ShouldBe(["metadata", "annotations", "hostnet.dev/ignore-HN030", "x", "2"]);
}
