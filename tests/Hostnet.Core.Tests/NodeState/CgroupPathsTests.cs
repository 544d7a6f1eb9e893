using Hostnet.Core.NodeState;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.NodeState;

/// <summary>The cgroup layouts of the kubelet's drivers and the runtimes, one row each, as <c>/proc/&lt;pid&gt;/cgroup</c> shows them.</summary>
public sealed class CgroupPathsTests
{
    private const string Uid = "0c4f3a52-1d6e-4b8a-9f21-7e5d3c2b1a09";
    private const string Id = "3f0b6c1d2e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c";

    [Theory]
    // cgroup v2, systemd driver: containerd, CRI-O, cri-dockerd; Guaranteed pods have no QoS slice.
    [InlineData("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod0c4f3a52_1d6e_4b8a_9f21_7e5d3c2b1a09.slice/cri-containerd-" + Id + ".scope", Id, "BestEffort")]
    [InlineData("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0c4f3a52_1d6e_4b8a_9f21_7e5d3c2b1a09.slice/crio-" + Id + ".scope", Id, "Burstable")]
    [InlineData("0::/kubepods.slice/kubepods-pod0c4f3a52_1d6e_4b8a_9f21_7e5d3c2b1a09.slice/docker-" + Id + ".scope", Id, "Guaranteed")]
    // CRI-O's conmon sits in the pod's slice, in no container.
    [InlineData("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0c4f3a52_1d6e_4b8a_9f21_7e5d3c2b1a09.slice/crio-conmon-" + Id + ".scope", null, "Burstable")]
    // cgroup v1, cgroupfs driver: a line per hierarchy.
    [InlineData("12:pids:/kubepods/besteffort/pod" + Uid + "/" + Id + "\n11:memory:/kubepods/besteffort/pod" + Uid + "/" + Id + "\n1:name=systemd:/kubepods/besteffort/pod" + Uid + "/" + Id, Id, "BestEffort")]
    [InlineData("4:cpu,cpuacct:/kubepods/pod" + Uid + "/" + Id, Id, "Guaranteed")]
    // cgroup v1, systemd driver; and a kind node, whose kubelet runs inside the node container's cgroup.
    [InlineData("10:memory:/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0c4f3a52_1d6e_4b8a_9f21_7e5d3c2b1a09.slice/cri-containerd-" + Id + ".scope", Id, "Burstable")]
    [InlineData("0::/system.slice/docker-1111111111111111111111111111111111111111111111111111111111111111.scope/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod0c4f3a52_1d6e_4b8a_9f21_7e5d3c2b1a09.slice/cri-containerd-" + Id + ".scope", Id, "BestEffort")]
    public void Parse_KubeletLayout_FindsPodAndContainer(string cgroupFile, string? container, string qos)
    {
        CgroupPaths.Parse(cgroupFile).ShouldBe(new CgroupIdentity(Uid, container, qos));
    }

    [Theory]
    [InlineData("0::/system.slice/ssh.service")]
    [InlineData("0::/")]
    [InlineData("0::/user.slice/user-1000.slice/session-3.scope")]
    [InlineData("12:pids:/docker/" + Id)]
    [InlineData("")]
    [InlineData("not a cgroup file")]
    public void Parse_NoPod_IsNone(string cgroupFile)
    {
        CgroupPaths.Parse(cgroupFile).ShouldBe(CgroupIdentity.None);
    }
}
