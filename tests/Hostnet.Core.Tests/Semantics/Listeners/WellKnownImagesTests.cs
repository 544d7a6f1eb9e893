using Hostnet.Core.Semantics.Listeners;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Listeners;

public sealed class WellKnownImagesTests
{
    [Fact]
    public void Table_EveryEntry_IsComplete()
    {
        WellKnownImages.All.ShouldNotBeEmpty();
        foreach (var entry in WellKnownImages.All)
        {
            entry.Why.ShouldNotBeNullOrWhiteSpace();
            entry.Server.ShouldNotBeEmpty(string.Join(",", entry.Repositories));
            entry.Ports.ShouldAllBe(p => p.Port >= 1 && p.Port <= 65535 && (p.Protocol == "TCP" || p.Protocol == "UDP" || p.Protocol == "SCTP"));
            entry.Ports.Where(p => p.Name is not null).ShouldAllBe(p => PortNames.IsValid(p.Name!));
            entry.Repositories.ShouldAllBe(r => !r.Any(char.IsUpper) && !r.StartsWith("library/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Table_RepositoryAndTag_AreUnique() =>
        WellKnownImages.All.SelectMany(e => e.Repositories.Select(r => (r, e.Tag))).ShouldBeUnique();

    [Theory]
    [InlineData("nginx", "nginx")]
    [InlineData("nginx:1.27-alpine", "nginx")]
    [InlineData("docker.io/library/nginx@sha256:0123", "nginx")]
    [InlineData("public.ecr.aws/docker/library/nginx:1.27", "nginx")]
    [InlineData("localhost:5000/library/nginx", "nginx")]
    [InlineData("nginxinc/nginx-unprivileged:stable", "nginxinc/nginx-unprivileged")]
    [InlineData("quay.io/prometheus/node-exporter:v1.8.2", "prometheus/node-exporter")]
    [InlineData("harbor.example.com/proxy/prom/node-exporter", "prom/node-exporter")]
    [InlineData("registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0", "kube-state-metrics/kube-state-metrics")]
    [InlineData("bitnami/nginx", null)]
    [InlineData("registry.k8s.io/ingress-nginx/controller:v1.12.1", null)]
    [InlineData("nginx/nginx-ingress:4.0.0", null)]
    [InlineData("haproxy:3.0", null)]
    public void Find_Image_MatchesItsEntry(string image, string? repository)
    {
        var entry = WellKnownImages.Find(image);

        if (repository is null)
        {
            entry.ShouldBeNull();
        }
        else
        {
            entry.ShouldNotBeNull().Repositories.ShouldContain(repository);
        }
    }

    [Fact]
    public void Find_TaggedVariant_WinsOverThePlainEntry()
    {
        WellKnownImages.Find("caddy:2-rootless")!.Ports[0].Port.ShouldBe(8080);
        WellKnownImages.Find("caddy:2")!.Ports[0].Port.ShouldBe(80);
    }

    [Fact]
    public void Parse_MalformedTable_Throws() =>
        Should.Throw<InvalidOperationException>(() => WellKnownImages.Parse("images:\n  - repositories: [x]\n    why: no ports\n"));
}
