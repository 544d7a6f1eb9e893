using Hostnet.Core.Semantics.Sysctls;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>Cases of component-helpers/node/util/sysctl (namespace_test.go, sysctl_test.go).</summary>
public sealed class SysctlNamesTests
{
    [Theory]
    [InlineData("kernel.shm_rmid_forced", SysctlNamespace.Ipc)]
    [InlineData("kernel.msgmax", SysctlNamespace.Ipc)]
    [InlineData("kernel.sem", SysctlNamespace.Ipc)]
    [InlineData("kernel.shm*", SysctlNamespace.Ipc)]
    [InlineData("fs.mqueue.msg_max", SysctlNamespace.Ipc)]
    [InlineData("net.a.b.c", SysctlNamespace.Net)]
    [InlineData("net.*", SysctlNamespace.Net)]
    [InlineData("net/ipv4/conf/eno2.100/rp_filter", SysctlNamespace.Net)]
    [InlineData("net", SysctlNamespace.Unknown)]
    [InlineData("network.x", SysctlNamespace.Unknown)]
    [InlineData("kernel.msgfoo", SysctlNamespace.Unknown)]
    [InlineData("vm.swappiness", SysctlNamespace.Unknown)]
    [InlineData("kernel.domainname", SysctlNamespace.Unknown)]
    public void NamespaceOf_Name_KernelNamespace(string name, SysctlNamespace expected) =>
        SysctlNames.NamespaceOf(name).ShouldBe(expected);

    [Theory]
    [InlineData("net.ipv4.conf.eno2/100.rp_filter", "net.ipv4.conf.eno2/100.rp_filter")]
    [InlineData("net/ipv4/conf/eno2.100/rp_filter", "net.ipv4.conf.eno2/100.rp_filter")]
    [InlineData("net/ipv4/ip_local_port_range", "net.ipv4.ip_local_port_range")]
    [InlineData("kernel", "kernel")]
    [InlineData("", "")]
    public void Normalize_SlashSeparated_SwapsSeparators(string name, string expected) =>
        SysctlNames.Normalize(name).ShouldBe(expected);
}
