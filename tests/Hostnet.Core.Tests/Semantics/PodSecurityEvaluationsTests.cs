using Hostnet.Core.Model;
using Hostnet.Core.Semantics.PodSecurity;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>
/// The evaluations one workload's admissions share (<see cref="PodSecurityEvaluations"/>): the same results as
/// evaluating afresh, reused only where every check sees the pod alike.
/// </summary>
public sealed class PodSecurityEvaluationsTests
{
    private static readonly LevelVersion Baseline = new(PodSecurityLevel.Baseline, PodSecurityVersion.Latest);
    private static readonly LevelVersion Restricted = new(PodSecurityLevel.Restricted, PodSecurityVersion.Latest);

    private static readonly string[] Specs =
    [
        """
        hostNetwork: true
        containers:
        - name: app
          ports: [{containerPort: 8080}]
        """,
        """
        hostNetwork: true
        containers:
        - name: app
          ports: [{containerPort: 8080, hostPort: 8080}]
          securityContext: {privileged: true, capabilities: {add: [NET_ADMIN]}}
        """,
        """
        containers:
        - name: app
          ports: [{containerPort: 80}]
          securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
        """,
    ];

    public static TheoryData<int, int> SpecsAndVersions()
    {
        var data = new TheoryData<int, int>();
        for (var spec = 0; spec < Specs.Length; spec++)
        {
            foreach (var minor in (int[])[27, 28, 35])
            {
                data.Add(spec, minor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecsAndVersions))]
    public void EveryModeAndView_SameResultAsAFreshEvaluation(int spec, int minor)
    {
        var podSpec = Template(Specs[spec]);
        var version = new KubeVersion(1, minor);
        var evaluations = new PodSecurityEvaluations();
        // The order the rule asks in: the template's modes, then the pods' modes, then the template under enforce.
        (LevelVersion Mode, EvaluatedPodSpec Pod)[] asked =
        [
            (Restricted, EvaluatedPodSpec.Template(podSpec, version)),
            (Baseline, EvaluatedPodSpec.Pod(podSpec, version)),
            (Restricted, EvaluatedPodSpec.Pod(podSpec, version)),
            (Baseline, EvaluatedPodSpec.Template(podSpec, version)),
            (new LevelVersion(PodSecurityLevel.Restricted, PodSecurityVersion.V1(24)), EvaluatedPodSpec.Pod(podSpec, version)),
            (LevelVersion.PrivilegedLatest, EvaluatedPodSpec.Pod(podSpec, version)),
        ];

        foreach (var (mode, pod) in asked)
        {
            evaluations.Of(mode, pod).ForbiddenDetail().ShouldBe(PodSecurityEvaluator.Evaluate(mode, pod).ForbiddenDetail(), $"{mode} {(pod.IsPod ? "Pod" : "template")}");
        }
    }

    [Theory]
    [MemberData(nameof(SpecsAndVersions))]
    public void OnlyChecksThatReadHostPorts_SeeATemplateAndItsPodsApart(int spec, int minor)
    {
        var podSpec = Template(Specs[spec]);
        var version = new KubeVersion(1, minor);
        var resolved = PodSecurityVersion.V1(minor);
        foreach (var check in PodSecurityEvaluator.All.Where(c => !c.ReadsHostPorts))
        {
            PodSecurityEvaluator.Run(check, EvaluatedPodSpec.Template(podSpec, version), resolved)
                .ShouldBe(PodSecurityEvaluator.Run(check, EvaluatedPodSpec.Pod(podSpec, version), resolved), check.Id);
        }
    }

    [Fact]
    public void HostPorts_TemplateSince128AndItsPods_EvaluatedApart()
    {
        var spec = Template(Specs[0]);
        var version = new KubeVersion(1, 28);
        var evaluations = new PodSecurityEvaluations();

        var pod = evaluations.Of(Baseline, EvaluatedPodSpec.Pod(spec, version));
        var template = evaluations.Of(Baseline, EvaluatedPodSpec.Template(spec, version));

        pod.ForbiddenDetail().ShouldBe("host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)");
        template.ForbiddenDetail().ShouldBe("host namespaces (hostNetwork=true)");
    }

    [Fact]
    public void SharedResults_AreTheFirstRunsOwn_AndOnlyForOneSpec()
    {
        var spec = Template(Specs[1]);
        var version = new KubeVersion(1, 30);
        var evaluations = new PodSecurityEvaluations();

        var baseline = evaluations.Of(Baseline, EvaluatedPodSpec.Pod(spec, version));
        var restricted = evaluations.Of(Restricted, EvaluatedPodSpec.Template(spec, version));

        // The restricted evaluation of the template reused the pod's baseline result: the same FailedCheck object.
        var hostNamespaces = baseline.Violations.Single(v => v.Reason == "host namespaces");
        restricted.Violations.ShouldContain(v => ReferenceEquals(v, hostNamespaces));
        Should.Throw<ArgumentException>(() => evaluations.Of(Baseline, EvaluatedPodSpec.Pod(Template(Specs[1]), version)));
        Should.Throw<ArgumentException>(() => evaluations.Of(Baseline, EvaluatedPodSpec.Pod(spec, new KubeVersion(1, 29))));
    }

    private static PodSpec Template(string spec) =>
        Manifests.Workload("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n"
            + string.Join('\n', spec.Split('\n').Select(l => "      " + l))).Spec;
}
