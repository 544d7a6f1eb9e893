using Hostnet.Core.Model;
using Hostnet.Core.Semantics.PodSecurity;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>
/// The exact reason and detail of every check, and the version gates, as pod-security-admission's own unit tests
/// expect them (policy/check_*_test.go, release-1.36; messages of policy/check_*.go). One row per case: the policy
/// (<c>level:version</c>), the cluster version, the Pod, and the whole forbidden detail (empty when admitted).
/// </summary>
public sealed class PodSecurityMessageTests
{
    public static TheoryData<string, string, string, string, string> Cases() => new()
    {
        {
            "appArmor annotations, sorted, Go-quoted (check_appArmorProfile_test.go: multiple containers)", "baseline:latest", "1.37",
            """
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/: bogus
                container.apparmor.security.beta.kubernetes.io/a: ""
                container.apparmor.security.beta.kubernetes.io/b: runtime/default
                container.apparmor.security.beta.kubernetes.io/c: localhost/
                container.apparmor.security.beta.kubernetes.io/d: localhost/foo
                container.apparmor.security.beta.kubernetes.io/e: unconfined
                container.apparmor.security.beta.kubernetes.io/f: unknown
            spec:
              containers: [{name: a}]
            """,
            "forbidden AppArmor profiles (annotations must not set AppArmor profile type to \"container.apparmor.security.beta.kubernetes.io/=\"bogus\"\", "
            + "\"container.apparmor.security.beta.kubernetes.io/e=\"unconfined\"\", \"container.apparmor.security.beta.kubernetes.io/f=\"unknown\"\")"
        },
        {
            "appArmor fields (check_appArmorProfile_test.go: unconfined pod, unconfined init container)", "baseline:latest", "1.37",
            """
            spec:
              securityContext: {appArmorProfile: {type: Unconfined}}
              initContainers: [{name: bar, securityContext: {appArmorProfile: {type: Unconfined}}}]
              containers: [{name: foo}]
            """,
            "forbidden AppArmor profile (pod and container \"bar\" must not set AppArmor profile type to \"Unconfined\")"
        },
        {
            "appArmor before 1.30 clusters: annotations only, listed", "baseline:latest", "1.29",
            """
            metadata:
              annotations: {container.apparmor.security.beta.kubernetes.io/foo: unconfined}
            spec:
              securityContext: {appArmorProfile: {type: Unconfined}}
              containers: [{name: foo}]
            """,
            "forbidden AppArmor profile (container.apparmor.security.beta.kubernetes.io/foo=\"unconfined\")"
        },
        {
            "capabilities baseline (check_capabilities_baseline_test.go)", "baseline:latest", "1.37",
            """
            spec:
              containers:
              - {name: a, securityContext: {capabilities: {add: [FOO, BAR, NET_BIND_SERVICE]}}}
              - {name: b, securityContext: {capabilities: {add: [BAR, BAZ, CAP_CHOWN]}}}
              - {name: c, securityContext: {capabilities: {add: [CHOWN]}}}
            """,
            "non-default capabilities (containers \"a\", \"b\" must not include \"BAR\", \"BAZ\", \"CAP_CHOWN\", \"FOO\" in securityContext.capabilities.add)"
        },
        {
            "hostPath volumes (check_hostPathVolumes_test.go)", "baseline:latest", "1.37",
            """
            spec:
              volumes: [{name: a, hostPath: {path: /a}}, {name: b, emptyDir: {}}, {name: c, hostPath: {path: /c}}]
              containers: [{name: app}]
            """,
            "hostPath volumes (volumes \"a\", \"c\")"
        },
        {
            "probe and lifecycle hosts, containers and hosts sorted (check_hostProbesAndhostLifecycle_test.go)", "baseline:latest", "1.37",
            """
            spec:
              containers:
              - name: z
                livenessProbe: {httpGet: {host: 127.0.0.1, port: 80}}
                lifecycle: {preStop: {tcpSocket: {host: a.example, port: 80}}}
              - name: agent
                readinessProbe: {tcpSocket: {host: 127.0.0.1, port: 80}}
            """,
            "probe or lifecycle host (containers \"agent\", \"z\" use probe or lifecycle hosts \"127.0.0.1\", \"a.example\")"
        },
        {
            "probe host: not checked before policy 1.34", "baseline:v1.33", "1.37",
            """
            spec:
              containers: [{name: agent, livenessProbe: {httpGet: {host: 127.0.0.1, port: 80}}}]
            """,
            ""
        },
        {
            "probe host: not checked by a 1.33 cluster, even at latest", "baseline:latest", "1.33",
            """
            spec:
              containers: [{name: agent, livenessProbe: {httpGet: {host: 127.0.0.1, port: 80}}}]
            """,
            ""
        },
        {
            "privileged (check_privileged_test.go)", "baseline:latest", "1.37",
            """
            spec:
              containers: [{name: a, securityContext: {privileged: true}}, {name: b, securityContext: {privileged: false}}, {name: c, securityContext: {privileged: true}}]
            """,
            "privileged (containers \"a\", \"c\" must not set securityContext.privileged=true)"
        },
        {
            "procMount (check_procMount_test.go)", "baseline:latest", "1.37",
            """
            spec:
              containers: [{name: a, securityContext: {procMount: Default}}, {name: b, securityContext: {procMount: Unmasked}}, {name: c, securityContext: {procMount: Other}}]
            """,
            "procMount (containers \"b\", \"c\" must not set securityContext.procMount to \"Other\", \"Unmasked\")"
        },
        {
            "procMount with hostUsers false: relaxed from 1.35 only", "baseline:v1.34", "1.37",
            """
            spec:
              hostUsers: false
              containers: [{name: a, securityContext: {procMount: Unmasked}}]
            """,
            "procMount (container \"a\" must not set securityContext.procMount to \"Unmasked\")"
        },
        {
            "seLinuxOptions (check_seLinuxOptions_test.go: invalid pod and containers)", "baseline:latest", "1.37",
            """
            spec:
              securityContext: {seLinuxOptions: {type: foo, user: bar, role: baz}}
              containers:
              - {name: a, securityContext: {seLinuxOptions: {}}}
              - {name: b, securityContext: {seLinuxOptions: {type: container_t}}}
              - {name: c, securityContext: {seLinuxOptions: {level: somevalue}}}
              - {name: d, securityContext: {seLinuxOptions: {type: bar}}}
              - {name: e, securityContext: {seLinuxOptions: {user: bar}}}
              - {name: f, securityContext: {seLinuxOptions: {role: baz}}}
            """,
            "seLinuxOptions (pod and containers \"d\", \"e\", \"f\" set forbidden securityContext.seLinuxOptions: types \"bar\", \"foo\"; user may not be set; role may not be set)"
        },
        {
            "seLinux container_engine_t: allowed from policy 1.31", "baseline:v1.30", "1.37",
            """
            spec:
              containers: [{name: a, securityContext: {seLinuxOptions: {type: container_engine_t}}}]
            """,
            "seLinuxOptions (container \"a\" set forbidden securityContext.seLinuxOptions: type \"container_engine_t\")"
        },
        {
            "seccomp baseline field (check_seccompProfile_baseline_test.go)", "baseline:latest", "1.37",
            """
            spec:
              securityContext: {seccompProfile: {type: Unconfined}}
              containers: [{name: a, securityContext: {seccompProfile: {type: Unconfined}}}, {name: b, securityContext: {seccompProfile: {type: RuntimeDefault}}}]
            """,
            "seccompProfile (pod and container \"a\" must not set securityContext.seccompProfile.type to \"Unconfined\")"
        },
        {
            "seccomp baseline annotations before policy 1.19", "baseline:v1.18", "1.37",
            """
            metadata:
              annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined, container.seccomp.security.alpha.kubernetes.io/a: docker/default}
            spec:
              containers: [{name: a}]
            """,
            "seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\")"
        },
        {
            "sysctls in the order written (check_sysctls_test.go)", "baseline:latest", "1.37",
            """
            spec:
              securityContext: {sysctls: [{name: a, value: "1"}, {name: net.ipv4.tcp_rmem, value: "1"}, {name: b, value: "1"}]}
              containers: [{name: app}]
            """,
            "forbidden sysctls (a, b)"
        },
        {
            "sysctls tcp_rmem: safe from policy 1.32", "baseline:v1.31", "1.37",
            """
            spec:
              securityContext: {sysctls: [{name: net.ipv4.tcp_rmem, value: "1"}]}
              containers: [{name: app}]
            """,
            "forbidden sysctls (net.ipv4.tcp_rmem)"
        },
        {
            "sysctls tcp_notsent_lowat: safe only on 1.37 clusters", "baseline:latest", "1.36",
            """
            spec:
              securityContext: {sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: "1"}]}
              containers: [{name: app}]
            """,
            "forbidden sysctls (net.ipv4.tcp_notsent_lowat)"
        },
        {
            "hostProcess pod and containers (check_windowsHostProcess_test.go)", "baseline:latest", "1.37",
            """
            spec:
              securityContext: {windowsOptions: {hostProcess: true}}
              containers: [{name: a, securityContext: {windowsOptions: {hostProcess: true}}}, {name: b, securityContext: {windowsOptions: {hostProcess: true}}}]
            """,
            "hostProcess (pod and containers \"a\", \"b\" must not set securityContext.windowsOptions.hostProcess=true)"
        },
        {
            "restricted on a host-network agent: the registry's order", "restricted:latest", "1.37",
            """
            spec:
              hostNetwork: true
              containers:
              - name: agent
                ports: [{containerPort: 9100}]
                readinessProbe: {httpGet: {host: 127.0.0.1, port: 9100}}
            """,
            "host namespaces (hostNetwork=true), hostPort (container \"agent\" uses hostPort 9100), "
            + "probe or lifecycle host (container \"agent\" uses probe or lifecycle host \"127.0.0.1\"), "
            + "allowPrivilegeEscalation != false (container \"agent\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"agent\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or container \"agent\" must set securityContext.runAsNonRoot=true), "
            + "seccompProfile (pod or container \"agent\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        },
        {
            "capabilities restricted: missing drop and forbidden adds (check_capabilities_restricted_test.go)", "restricted:latest", "1.37",
            """
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - {name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [FOO, NET_BIND_SERVICE]}}}
              - {name: b, securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [BAR]}}}
            """,
            "unrestricted capabilities (container \"b\" must set securityContext.capabilities.drop=[\"ALL\"]; containers \"a\", \"b\" must not include \"BAR\", \"FOO\" in securityContext.capabilities.add)"
        },
        {
            "runAsNonRoot explicitly false (check_runAsNonRoot_test.go)", "restricted:latest", "1.37",
            """
            spec:
              securityContext: {runAsNonRoot: false, seccompProfile: {type: RuntimeDefault}}
              containers:
              - {name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, runAsNonRoot: false}}
              - {name: b, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}
            """,
            "runAsNonRoot != true (pod and container \"a\" must not set securityContext.runAsNonRoot=false)"
        },
        {
            "runAsUser=0 (check_runAsUser_test.go)", "restricted:latest", "1.37",
            """
            spec:
              securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
              containers:
              - {name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, runAsUser: 0}}
              - {name: b, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, runAsUser: 1000}}
            """,
            "runAsUser=0 (pod and container \"a\" must not set runAsUser=0)"
        },
        {
            "runAsUser and runAsNonRoot skipped for hostUsers false from policy 1.35", "restricted:latest", "1.37",
            """
            spec:
              hostUsers: false
              securityContext: {runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
              containers: [{name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]
            """,
            ""
        },
        {
            "restricted volumes, image allowed on 1.33 clusters (check_restrictedVolumes_test.go)", "restricted:latest", "1.33",
            """
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              volumes: [{name: a, hostPath: {path: /}}, {name: b, image: {reference: x}}, {name: c, nfs: {server: s, path: /}}, {name: d}, {name: e, hostPath: {path: /e}}]
              containers: [{name: app, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]
            """,
            "restricted volume types (volumes \"a\", \"c\", \"e\" use restricted volume types \"hostPath\", \"nfs\")"
        },
        {
            "restricted volumes: image is unknown to a 1.32 cluster", "restricted:latest", "1.32",
            """
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              volumes: [{name: b, image: {reference: x}}]
              containers: [{name: app, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]
            """,
            "restricted volume types (volume \"b\" uses restricted volume type \"unknown\")"
        },
        {
            "seccomp restricted: explicit bad value first (check_seccompProfile_restricted_test.go)", "restricted:latest", "1.37",
            """
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
              - {name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: Unconfined}}}
              - {name: b, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}
            """,
            "seccompProfile (container \"a\" must not set securityContext.seccompProfile.type to \"Unconfined\")"
        },
        {
            "windows pods exempt from capabilities, privilege escalation and seccomp from policy 1.25", "restricted:v1.25", "1.37",
            """
            spec:
              os: {name: windows}
              securityContext: {runAsNonRoot: true}
              containers: [{name: a}]
            """,
            ""
        },
        {
            "windows pods not exempt before policy 1.25", "restricted:v1.24", "1.37",
            """
            spec:
              os: {name: windows}
              securityContext: {runAsNonRoot: true}
              containers: [{name: a}]
            """,
            "allowPrivilegeEscalation != false (container \"a\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "seccompProfile (pod or container \"a\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_Case_GivesTheAdmissionsDetail(string name, string policy, string cluster, string pod, string detail)
    {
        var parts = policy.Split(':');
        var level = parts[0] == "baseline" ? PodSecurityLevel.Baseline : PodSecurityLevel.Restricted;
        PodSecurityVersion.TryParse(parts[1], out var version).ShouldBeTrue(name);
        KubeVersion.TryParse(cluster, out var clusterVersion).ShouldBeTrue(name);
        var workload = Objects.One<Workload>("apiVersion: v1\nkind: Pod\n" + (pod.StartsWith("metadata", StringComparison.Ordinal) ? pod.Replace("metadata:\n", "metadata:\n  name: p\n", StringComparison.Ordinal) : "metadata:\n  name: p\n" + pod));

        var result = PodSecurityEvaluator.Evaluate(
            new LevelVersion(level, version),
            EvaluatedPodSpec.Pod(workload.Spec, clusterVersion) with { Annotations = workload.Template.Metadata.Annotations });

        result.ForbiddenDetail().ShouldBe(detail, name);
    }
}
