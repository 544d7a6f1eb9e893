using Hostnet.Core.Ports;
using Hostnet.Core.Semantics.Ports;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Ports;

/// <summary>
/// What the port map keeps per image (<see cref="ComponentImages"/>) is what each catalogue entry answers itself
/// (<c>NodeReservedPort.IsOwnedBy</c>), asked in any order and again: every owner image of the catalogue with and
/// without registry, tag and digest, in other letter cases, and images no entry owns.
/// </summary>
public sealed class ComponentImagesTests
{
    [Fact]
    public void OwnedBy_EveryImageAskedTwice_IsWhatEachEntrySays()
    {
        var images = new ComponentImages();
        var owners = NodeComponentPorts.Entries.SelectMany(e => e.OwnerImages).Distinct(StringComparer.Ordinal).ToList();
        string?[] asked =
        [
            null, string.Empty, "nginx", "docker.io/library/nginx:1.27", "example.com/kube-proxy-exporter:1", "quay.io/cilium/cilium-envoy:v1.30",
            .. owners,
            .. owners.Select(o => $"registry.k8s.io/{o}:v1.31.0"),
            .. owners.Select(o => $"quay.io/{o.ToUpperInvariant()}@sha256:0123abcd"),
            .. owners.Select(o => $"example.com:5000/mirror/{o}:latest@sha256:0123abcd"),
        ];

        images.Entries.ShouldNotBeEmpty();
        images.Entries.ShouldAllBe(e => !e.OnEveryNode);
        var owned = 0;
        foreach (var image in asked.Concat(asked.Reverse()))
        {
            var answer = images.OwnedBy(image);

            answer.ShouldBe(images.Entries.Select(e => e.IsOwnedBy(image)), image ?? "(none)");
            owned += answer.Count(o => o);
        }

        owned.ShouldBeGreaterThan(owners.Count * 4);
    }
}
