#!/usr/bin/env python3
"""Generates the Kubernetes API schema that hostnet's strict decoder (HN004) checks objects against.

Regenerate (from the repository root) and commit the result:

    python3 tools/gen-schema.py
    # or: python3 tools/gen-schema.py --fixtures DIR --out FILE
    # list every field path of every kind, to read or grep:
    python3 tools/gen-schema.py --paths

Input: the fully populated round-trip fixtures of kubernetes/api (`testdata/HEAD/*.yaml`, kept as published in
`tests/reference/k8s-api-fixtures/HEAD`). Every field of every type is set there with a placeholder value, so the
set of legal field names is read from data, not written by hand. Needs python3 and PyYAML.

Output: `src/Hostnet.Core/Data/schema/kubernetes-api.txt`, deterministic (sorted, LF, no timestamps):

    kind <apiVersion> <Kind> <RootType>
    type <TypeName>
      <field> <type>

`<type>` is one of
    bool | int32 | int64 | string | quantity | intorstring | time | any
    string=<GoType>      a JSON string whose Go type is a named string type (v1.DNSPolicy, types.UID, []uint8);
                         string=? when the Go type is a named type this table does not know
    []<type>             a JSON array
    map[string]<type>    a JSON object with free-form keys
    <TypeName>           a struct described by its own `type` block; a name starting with `~` is not a Go type name
                         (the struct is not in GO_STRUCTS below), so errors inside it cannot quote Go's message

Rules that turn placeholder values into types:
  * a mapping whose only key ends in `Key` (`labelsKey: labelsValue`) is a map with values of the shown type;
  * an empty mapping (`fieldsV1: {}`) and a RawExtension (the `example.com/v1 CustomType` placeholder object) are
    free-form (`any`);
  * true/false -> bool; integers -> int32, or int64 for the fields in INT64_FIELDS;
  * a quoted number ("0") -> quantity (resource.Quantity accepts a JSON string or number);
  * a quoted RFC 3339 timestamp -> time (metav1.Time); `BA==`, `Ag==` (base64) -> string=[]uint8;
  * a string placeholder under one of INT_OR_STRING_FIELDS -> intorstring;
  * other strings -> string (Go type from NAMED_STRINGS, or unknown for enum-like names);
  * a list -> array of its item's type.

Go struct names (for `json: cannot unmarshal ... into Go struct field <Struct>.<path> of type <type>`) come from the
hand table GO_STRUCTS, checked against k8s.io/api core/v1, apps/v1, batch/v1, networking/v1, discovery/v1,
admissionregistration/v1, admission/v1 and k8s.io/apimachinery meta/v1 types.go. A name given to structs of different
shapes is an error, and so is a table entry that is never used.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FIXTURES = os.path.join(ROOT, "tests", "reference", "k8s-api-fixtures", "HEAD")
DEFAULT_OUT = os.path.join(ROOT, "src", "Hostnet.Core", "Data", "schema", "kubernetes-api.txt")

# Parent Go struct -> {json field: Go struct of the field's value (of its items, for a list)}.
# A kind's root struct is named after the kind.
_CONTAINER = {
    "ports": "ContainerPort", "envFrom": "EnvFromSource", "env": "EnvVar", "resources": "ResourceRequirements",
    "resizePolicy": "ContainerResizePolicy", "restartPolicyRules": "ContainerRestartRule",
    "volumeMounts": "VolumeMount", "volumeDevices": "VolumeDevice", "livenessProbe": "Probe",
    "readinessProbe": "Probe", "startupProbe": "Probe", "lifecycle": "Lifecycle",
    "securityContext": "SecurityContext",
}
_WEBHOOK = {
    "clientConfig": "WebhookClientConfig", "rules": "RuleWithOperations", "namespaceSelector": "LabelSelector",
    "objectSelector": "LabelSelector", "matchConditions": "MatchCondition",
}
_AFFINITY_TERMS = {
    "requiredDuringSchedulingIgnoredDuringExecution": "PodAffinityTerm",
    "preferredDuringSchedulingIgnoredDuringExecution": "WeightedPodAffinityTerm",
}
_SECRET_REF = {"secretRef": "LocalObjectReference"}

GO_STRUCTS: dict[str, dict[str, str]] = {
    # meta/v1
    "ObjectMeta": {"managedFields": "ManagedFieldsEntry", "ownerReferences": "OwnerReference"},
    "LabelSelector": {"matchExpressions": "LabelSelectorRequirement"},
    "Status": {"metadata": "ListMeta", "details": "StatusDetails"},
    "StatusDetails": {"causes": "StatusCause"},
    # core/v1: Pod and its parts
    "Pod": {"metadata": "ObjectMeta", "spec": "PodSpec", "status": "PodStatus"},
    "PodTemplate": {"metadata": "ObjectMeta", "template": "PodTemplateSpec"},
    "PodTemplateSpec": {"metadata": "ObjectMeta", "spec": "PodSpec"},
    "PodSpec": {
        "volumes": "Volume", "initContainers": "Container", "containers": "Container",
        "ephemeralContainers": "EphemeralContainer", "securityContext": "PodSecurityContext",
        "imagePullSecrets": "LocalObjectReference", "affinity": "Affinity", "tolerations": "Toleration",
        "hostAliases": "HostAlias", "dnsConfig": "PodDNSConfig", "readinessGates": "PodReadinessGate",
        "topologySpreadConstraints": "TopologySpreadConstraint", "os": "PodOS",
        "schedulingGates": "PodSchedulingGate", "resourceClaims": "PodResourceClaim",
        "resources": "ResourceRequirements",
    },
    "Container": _CONTAINER,
    "EphemeralContainer": _CONTAINER,
    "ContainerRestartRule": {"exitCodes": "ContainerRestartRuleOnExitCodes"},
    "EnvVar": {"valueFrom": "EnvVarSource"},
    "EnvVarSource": {
        "fieldRef": "ObjectFieldSelector", "resourceFieldRef": "ResourceFieldSelector",
        "configMapKeyRef": "ConfigMapKeySelector", "secretKeyRef": "SecretKeySelector",
        "fileKeyRef": "FileKeySelector",
    },
    "EnvFromSource": {"configMapRef": "ConfigMapEnvSource", "secretRef": "SecretEnvSource"},
    "ResourceRequirements": {"claims": "ResourceClaim"},
    "Probe": {"exec": "ExecAction", "httpGet": "HTTPGetAction", "tcpSocket": "TCPSocketAction", "grpc": "GRPCAction"},
    "HTTPGetAction": {"httpHeaders": "HTTPHeader"},
    "Lifecycle": {"postStart": "LifecycleHandler", "preStop": "LifecycleHandler"},
    "LifecycleHandler": {
        "exec": "ExecAction", "httpGet": "HTTPGetAction", "tcpSocket": "TCPSocketAction", "sleep": "SleepAction",
    },
    "SecurityContext": {
        "capabilities": "Capabilities", "seLinuxOptions": "SELinuxOptions",
        "windowsOptions": "WindowsSecurityContextOptions", "seccompProfile": "SeccompProfile",
        "appArmorProfile": "AppArmorProfile",
    },
    "PodSecurityContext": {
        "seLinuxOptions": "SELinuxOptions", "windowsOptions": "WindowsSecurityContextOptions", "sysctls": "Sysctl",
        "seccompProfile": "SeccompProfile", "appArmorProfile": "AppArmorProfile",
    },
    "Affinity": {"nodeAffinity": "NodeAffinity", "podAffinity": "PodAffinity", "podAntiAffinity": "PodAntiAffinity"},
    "NodeAffinity": {
        "requiredDuringSchedulingIgnoredDuringExecution": "NodeSelector",
        "preferredDuringSchedulingIgnoredDuringExecution": "PreferredSchedulingTerm",
    },
    "NodeSelector": {"nodeSelectorTerms": "NodeSelectorTerm"},
    "NodeSelectorTerm": {"matchExpressions": "NodeSelectorRequirement", "matchFields": "NodeSelectorRequirement"},
    "PreferredSchedulingTerm": {"preference": "NodeSelectorTerm"},
    "PodAffinity": _AFFINITY_TERMS,
    "PodAntiAffinity": _AFFINITY_TERMS,
    "WeightedPodAffinityTerm": {"podAffinityTerm": "PodAffinityTerm"},
    "PodAffinityTerm": {"labelSelector": "LabelSelector", "namespaceSelector": "LabelSelector"},
    "TopologySpreadConstraint": {"labelSelector": "LabelSelector"},
    "PodDNSConfig": {"options": "PodDNSConfigOption"},
    "Volume": {
        "hostPath": "HostPathVolumeSource", "emptyDir": "EmptyDirVolumeSource",
        "gcePersistentDisk": "GCEPersistentDiskVolumeSource",
        "awsElasticBlockStore": "AWSElasticBlockStoreVolumeSource", "gitRepo": "GitRepoVolumeSource",
        "secret": "SecretVolumeSource", "nfs": "NFSVolumeSource", "iscsi": "ISCSIVolumeSource",
        "glusterfs": "GlusterfsVolumeSource", "persistentVolumeClaim": "PersistentVolumeClaimVolumeSource",
        "rbd": "RBDVolumeSource", "flexVolume": "FlexVolumeSource", "cinder": "CinderVolumeSource",
        "cephfs": "CephFSVolumeSource", "flocker": "FlockerVolumeSource", "downwardAPI": "DownwardAPIVolumeSource",
        "fc": "FCVolumeSource", "azureFile": "AzureFileVolumeSource", "configMap": "ConfigMapVolumeSource",
        "vsphereVolume": "VsphereVirtualDiskVolumeSource", "quobyte": "QuobyteVolumeSource",
        "azureDisk": "AzureDiskVolumeSource", "photonPersistentDisk": "PhotonPersistentDiskVolumeSource",
        "projected": "ProjectedVolumeSource", "portworxVolume": "PortworxVolumeSource",
        "scaleIO": "ScaleIOVolumeSource", "storageos": "StorageOSVolumeSource", "csi": "CSIVolumeSource",
        "ephemeral": "EphemeralVolumeSource", "image": "ImageVolumeSource",
    },
    "SecretVolumeSource": {"items": "KeyToPath"},
    "ConfigMapVolumeSource": {"items": "KeyToPath"},
    "DownwardAPIVolumeSource": {"items": "DownwardAPIVolumeFile"},
    "DownwardAPIVolumeFile": {"fieldRef": "ObjectFieldSelector", "resourceFieldRef": "ResourceFieldSelector"},
    "ProjectedVolumeSource": {"sources": "VolumeProjection"},
    "VolumeProjection": {
        "secret": "SecretProjection", "downwardAPI": "DownwardAPIProjection", "configMap": "ConfigMapProjection",
        "serviceAccountToken": "ServiceAccountTokenProjection", "clusterTrustBundle": "ClusterTrustBundleProjection",
        "podCertificate": "PodCertificateProjection",
    },
    "SecretProjection": {"items": "KeyToPath"},
    "ConfigMapProjection": {"items": "KeyToPath"},
    "DownwardAPIProjection": {"items": "DownwardAPIVolumeFile"},
    "ClusterTrustBundleProjection": {"labelSelector": "LabelSelector"},
    "CSIVolumeSource": {"nodePublishSecretRef": "LocalObjectReference"},
    "CephFSVolumeSource": _SECRET_REF,
    "CinderVolumeSource": _SECRET_REF,
    "FlexVolumeSource": _SECRET_REF,
    "ISCSIVolumeSource": _SECRET_REF,
    "RBDVolumeSource": _SECRET_REF,
    "ScaleIOVolumeSource": _SECRET_REF,
    "StorageOSVolumeSource": _SECRET_REF,
    "EphemeralVolumeSource": {"volumeClaimTemplate": "PersistentVolumeClaimTemplate"},
    "PersistentVolumeClaimTemplate": {"metadata": "ObjectMeta", "spec": "PersistentVolumeClaimSpec"},
    "PersistentVolumeClaim": {
        "metadata": "ObjectMeta", "spec": "PersistentVolumeClaimSpec", "status": "PersistentVolumeClaimStatus",
    },
    "PersistentVolumeClaimSpec": {
        "selector": "LabelSelector", "resources": "VolumeResourceRequirements",
        "dataSource": "TypedLocalObjectReference", "dataSourceRef": "TypedObjectReference",
    },
    "PersistentVolumeClaimStatus": {"conditions": "PersistentVolumeClaimCondition"},
    "PodStatus": {
        "conditions": "PodCondition", "hostIPs": "HostIP", "podIPs": "PodIP",
        "initContainerStatuses": "ContainerStatus", "containerStatuses": "ContainerStatus",
        "ephemeralContainerStatuses": "ContainerStatus", "resourceClaimStatuses": "PodResourceClaimStatus",
    },
    "ContainerStatus": {
        "state": "ContainerState", "lastState": "ContainerState", "resources": "ResourceRequirements",
        "volumeMounts": "VolumeMountStatus", "user": "ContainerUser", "allocatedResourcesStatus": "ResourceStatus",
    },
    "ContainerState": {
        "waiting": "ContainerStateWaiting", "running": "ContainerStateRunning",
        "terminated": "ContainerStateTerminated",
    },
    "ContainerUser": {"linux": "LinuxContainerUser"},
    # core/v1: other kinds
    "ReplicationController": {
        "metadata": "ObjectMeta", "spec": "ReplicationControllerSpec", "status": "ReplicationControllerStatus",
    },
    "ReplicationControllerSpec": {"template": "PodTemplateSpec"},
    "ReplicationControllerStatus": {"conditions": "ReplicationControllerCondition"},
    "Service": {"metadata": "ObjectMeta", "spec": "ServiceSpec", "status": "ServiceStatus"},
    "ServiceSpec": {"ports": "ServicePort", "sessionAffinityConfig": "SessionAffinityConfig"},
    "SessionAffinityConfig": {"clientIP": "ClientIPConfig"},
    "ServiceStatus": {"loadBalancer": "LoadBalancerStatus", "conditions": "Condition"},
    "LoadBalancerStatus": {"ingress": "LoadBalancerIngress"},
    "LoadBalancerIngress": {"ports": "PortStatus"},
    "Namespace": {"metadata": "ObjectMeta", "spec": "NamespaceSpec", "status": "NamespaceStatus"},
    "NamespaceStatus": {"conditions": "NamespaceCondition"},
    "Node": {"metadata": "ObjectMeta", "spec": "NodeSpec", "status": "NodeStatus"},
    "NodeSpec": {"taints": "Taint", "configSource": "NodeConfigSource"},
    "NodeConfigSource": {"configMap": "ConfigMapNodeConfigSource"},
    "NodeStatus": {
        "conditions": "NodeCondition", "addresses": "NodeAddress", "daemonEndpoints": "NodeDaemonEndpoints",
        "nodeInfo": "NodeSystemInfo", "images": "ContainerImage", "volumesAttached": "AttachedVolume",
        "config": "NodeConfigStatus", "runtimeHandlers": "NodeRuntimeHandler", "features": "NodeFeatures",
    },
    "NodeDaemonEndpoints": {"kubeletEndpoint": "DaemonEndpoint"},
    "NodeSystemInfo": {"swap": "NodeSwapStatus"},
    "NodeConfigStatus": {"assigned": "NodeConfigSource", "active": "NodeConfigSource", "lastKnownGood": "NodeConfigSource"},
    "NodeRuntimeHandler": {"features": "NodeRuntimeHandlerFeatures"},
    # apps/v1
    "Deployment": {"metadata": "ObjectMeta", "spec": "DeploymentSpec", "status": "DeploymentStatus"},
    "DeploymentSpec": {"selector": "LabelSelector", "template": "PodTemplateSpec", "strategy": "DeploymentStrategy"},
    "DeploymentStrategy": {"rollingUpdate": "RollingUpdateDeployment"},
    "DeploymentStatus": {"conditions": "DeploymentCondition"},
    "DaemonSet": {"metadata": "ObjectMeta", "spec": "DaemonSetSpec", "status": "DaemonSetStatus"},
    "DaemonSetSpec": {
        "selector": "LabelSelector", "template": "PodTemplateSpec", "updateStrategy": "DaemonSetUpdateStrategy",
    },
    "DaemonSetUpdateStrategy": {"rollingUpdate": "RollingUpdateDaemonSet"},
    "DaemonSetStatus": {"conditions": "DaemonSetCondition"},
    "ReplicaSet": {"metadata": "ObjectMeta", "spec": "ReplicaSetSpec", "status": "ReplicaSetStatus"},
    "ReplicaSetSpec": {"selector": "LabelSelector", "template": "PodTemplateSpec"},
    "ReplicaSetStatus": {"conditions": "ReplicaSetCondition"},
    "StatefulSet": {"metadata": "ObjectMeta", "spec": "StatefulSetSpec", "status": "StatefulSetStatus"},
    "StatefulSetSpec": {
        "selector": "LabelSelector", "template": "PodTemplateSpec", "volumeClaimTemplates": "PersistentVolumeClaim",
        "updateStrategy": "StatefulSetUpdateStrategy",
        "persistentVolumeClaimRetentionPolicy": "StatefulSetPersistentVolumeClaimRetentionPolicy",
        "ordinals": "StatefulSetOrdinals",
    },
    "StatefulSetUpdateStrategy": {"rollingUpdate": "RollingUpdateStatefulSetStrategy"},
    "StatefulSetStatus": {"conditions": "StatefulSetCondition"},
    # batch/v1
    "Job": {"metadata": "ObjectMeta", "spec": "JobSpec", "status": "JobStatus"},
    "JobSpec": {
        "selector": "LabelSelector", "template": "PodTemplateSpec", "podFailurePolicy": "PodFailurePolicy",
        "successPolicy": "SuccessPolicy",
    },
    "PodFailurePolicy": {"rules": "PodFailurePolicyRule"},
    "PodFailurePolicyRule": {
        "onExitCodes": "PodFailurePolicyOnExitCodesRequirement",
        "onPodConditions": "PodFailurePolicyOnPodConditionsPattern",
    },
    "SuccessPolicy": {"rules": "SuccessPolicyRule"},
    "JobStatus": {"conditions": "JobCondition", "uncountedTerminatedPods": "UncountedTerminatedPods"},
    "CronJob": {"metadata": "ObjectMeta", "spec": "CronJobSpec", "status": "CronJobStatus"},
    "CronJobSpec": {"jobTemplate": "JobTemplateSpec"},
    "JobTemplateSpec": {"metadata": "ObjectMeta", "spec": "JobSpec"},
    "CronJobStatus": {"active": "ObjectReference"},
    # networking/v1
    "NetworkPolicy": {"metadata": "ObjectMeta", "spec": "NetworkPolicySpec"},
    "NetworkPolicySpec": {
        "podSelector": "LabelSelector", "ingress": "NetworkPolicyIngressRule", "egress": "NetworkPolicyEgressRule",
    },
    "NetworkPolicyIngressRule": {"ports": "NetworkPolicyPort", "from": "NetworkPolicyPeer"},
    "NetworkPolicyEgressRule": {"ports": "NetworkPolicyPort", "to": "NetworkPolicyPeer"},
    "NetworkPolicyPeer": {"podSelector": "LabelSelector", "namespaceSelector": "LabelSelector", "ipBlock": "IPBlock"},
    # discovery/v1
    "EndpointSlice": {"metadata": "ObjectMeta", "endpoints": "Endpoint", "ports": "EndpointPort"},
    "Endpoint": {"conditions": "EndpointConditions", "targetRef": "ObjectReference", "hints": "EndpointHints"},
    "EndpointHints": {"forZones": "ForZone", "forNodes": "ForNode"},
    # admissionregistration/v1, admission/v1
    "MutatingWebhookConfiguration": {"metadata": "ObjectMeta", "webhooks": "MutatingWebhook"},
    "ValidatingWebhookConfiguration": {"metadata": "ObjectMeta", "webhooks": "ValidatingWebhook"},
    "MutatingWebhook": _WEBHOOK,
    "ValidatingWebhook": _WEBHOOK,
    "WebhookClientConfig": {"service": "ServiceReference"},
    "AdmissionReview": {"request": "AdmissionRequest", "response": "AdmissionResponse"},
    "AdmissionRequest": {
        "kind": "GroupVersionKind", "resource": "GroupVersionResource", "requestKind": "GroupVersionKind",
        "requestResource": "GroupVersionResource", "userInfo": "UserInfo",
    },
    "AdmissionResponse": {"status": "Status"},
}

# Integer fields that are int64 in Go (everything else that holds an integer is int32).
INT64_FIELDS = {
    "activeDeadlineSeconds", "capacity", "defaultUser", "deletionGracePeriodSeconds", "expirationSeconds", "fsGroup",
    "generation", "gid", "observedGeneration", "remainingItemCount", "runAsGroup", "runAsUser", "seconds",
    "sizeBytes", "startingDeadlineSeconds", "supplementalGroups", "terminationGracePeriodSeconds",
    "tolerationSeconds", "uid", "user",
}

# String placeholders of these fields are intstr.IntOrString (integer fields of the same name stay integers).
INT_OR_STRING_FIELDS = {"port", "targetPort", "maxSurge", "maxUnavailable", "minAvailable"}

# (Go struct, field) -> Go type of a string field that is a named string type.
_CONTAINER_STRINGS = {
    "imagePullPolicy": "v1.PullPolicy", "terminationMessagePolicy": "v1.TerminationMessagePolicy",
    "restartPolicy": "v1.ContainerRestartPolicy",
}
NAMED_STRINGS: dict[str, dict[str, str]] = {
    "ObjectMeta": {"uid": "types.UID"},
    "OwnerReference": {"uid": "types.UID"},
    "ObjectReference": {"uid": "types.UID"},
    "StatusDetails": {"uid": "types.UID"},
    "ConfigMapNodeConfigSource": {"uid": "types.UID"},
    "UncountedTerminatedPods": {"failed": "types.UID", "succeeded": "types.UID"},
    "ManagedFieldsEntry": {"operation": "v1.ManagedFieldsOperationType"},
    "LabelSelectorRequirement": {"operator": "v1.LabelSelectorOperator"},
    "Container": _CONTAINER_STRINGS,
    "EphemeralContainer": _CONTAINER_STRINGS,
    "ContainerPort": {"protocol": "v1.Protocol"},
    "ContainerRestartRule": {"action": "v1.ContainerRestartRuleAction"},
    "ContainerRestartRuleOnExitCodes": {"operator": "v1.ContainerRestartRuleOnExitCodesOperator"},
    "Lifecycle": {"stopSignal": "v1.Signal"},
    "ImageVolumeSource": {"pullPolicy": "v1.PullPolicy"},
    "AzureDiskVolumeSource": {"cachingMode": "v1.AzureDataDiskCachingMode", "kind": "v1.AzureDataDiskKind"},
    "SELinuxOptions": {"type": "string"},
    "PodReadinessGate": {"conditionType": "v1.PodConditionType"},
    "PersistentVolumeClaimSpec": {
        "accessModes": "v1.PersistentVolumeAccessMode", "volumeMode": "v1.PersistentVolumeMode",
    },
    "PodStatus": {"phase": "v1.PodPhase", "qosClass": "v1.PodQOSClass"},
    "PodCondition": {"type": "v1.PodConditionType", "status": "v1.ConditionStatus"},
    "NodeStatus": {"phase": "v1.NodePhase"},
    "NodeAddress": {"type": "v1.NodeAddressType"},
    "NodeCondition": {"type": "v1.NodeConditionType", "status": "v1.ConditionStatus"},
    "NamespaceStatus": {"phase": "v1.NamespacePhase"},
    "LoadBalancerIngress": {"ipMode": "v1.LoadBalancerIPMode"},
    "ContainerResizePolicy": {"resourceName": "v1.ResourceName", "restartPolicy": "v1.ResourceResizeRestartPolicy"},
    "PodSpec": {
        "dnsPolicy": "v1.DNSPolicy", "restartPolicy": "v1.RestartPolicy", "preemptionPolicy": "v1.PreemptionPolicy",
    },
    "PodOS": {"name": "v1.OSName"},
    "Toleration": {"operator": "v1.TolerationOperator", "effect": "v1.TaintEffect"},
    "Taint": {"effect": "v1.TaintEffect"},
    "HTTPGetAction": {"scheme": "v1.URIScheme"},
    "Capabilities": {"add": "v1.Capability", "drop": "v1.Capability"},
    "SecurityContext": {"procMount": "v1.ProcMountType"},
    "PodSecurityContext": {
        "fsGroupChangePolicy": "v1.PodFSGroupChangePolicy", "seLinuxChangePolicy": "v1.PodSELinuxChangePolicy",
        "supplementalGroupsPolicy": "v1.SupplementalGroupsPolicy",
    },
    "SeccompProfile": {"type": "v1.SeccompProfileType"},
    "AppArmorProfile": {"type": "v1.AppArmorProfileType"},
    "NodeSelectorRequirement": {"operator": "v1.NodeSelectorOperator"},
    "TopologySpreadConstraint": {
        "whenUnsatisfiable": "v1.UnsatisfiableConstraintAction", "nodeAffinityPolicy": "v1.NodeInclusionPolicy",
        "nodeTaintsPolicy": "v1.NodeInclusionPolicy",
    },
    "VolumeMount": {"mountPropagation": "v1.MountPropagationMode", "recursiveReadOnly": "v1.RecursiveReadOnlyMode"},
    "HostPathVolumeSource": {"type": "v1.HostPathType"},
    "EmptyDirVolumeSource": {"medium": "v1.StorageMedium"},
    "ServiceSpec": {
        "type": "v1.ServiceType", "sessionAffinity": "v1.ServiceAffinity",
        "externalTrafficPolicy": "v1.ServiceExternalTrafficPolicy",
        "internalTrafficPolicy": "v1.ServiceInternalTrafficPolicy", "ipFamilies": "v1.IPFamily",
        "ipFamilyPolicy": "v1.IPFamilyPolicy",
    },
    "ServicePort": {"protocol": "v1.Protocol"},
    "NetworkPolicySpec": {"policyTypes": "v1.PolicyType"},
    "NetworkPolicyPort": {"protocol": "v1.Protocol"},
    "EndpointPort": {"protocol": "v1.Protocol"},
    "DeploymentStrategy": {"type": "v1.DeploymentStrategyType"},
    "DaemonSetUpdateStrategy": {"type": "v1.DaemonSetUpdateStrategyType"},
    "StatefulSetUpdateStrategy": {"type": "v1.StatefulSetUpdateStrategyType"},
    "StatefulSetSpec": {"podManagementPolicy": "v1.PodManagementPolicyType"},
    "StatefulSetPersistentVolumeClaimRetentionPolicy": {
        "whenDeleted": "v1.PersistentVolumeClaimRetentionPolicyType",
        "whenScaled": "v1.PersistentVolumeClaimRetentionPolicyType",
    },
    "CronJobSpec": {"concurrencyPolicy": "v1.ConcurrencyPolicy"},
    "JobSpec": {"completionMode": "v1.CompletionMode", "podReplacementPolicy": "v1.PodReplacementPolicy"},
    "PodFailurePolicyRule": {"action": "v1.PodFailurePolicyAction"},
    "PodFailurePolicyOnExitCodesRequirement": {"operator": "v1.PodFailurePolicyOnExitCodesOperator"},
    "PodFailurePolicyOnPodConditionsPattern": {"type": "v1.PodConditionType", "status": "v1.ConditionStatus"},
    "EndpointSlice": {"addressType": "v1.AddressType"},
    "MutatingWebhook": {
        "failurePolicy": "v1.FailurePolicyType", "matchPolicy": "v1.MatchPolicyType",
        "reinvocationPolicy": "v1.ReinvocationPolicyType", "sideEffects": "v1.SideEffectClass",
    },
    "ValidatingWebhook": {
        "failurePolicy": "v1.FailurePolicyType", "matchPolicy": "v1.MatchPolicyType",
        "sideEffects": "v1.SideEffectClass",
    },
    "RuleWithOperations": {"operations": "v1.OperationType", "scope": "v1.ScopeType"},
    "AdmissionRequest": {"uid": "types.UID", "operation": "v1.Operation"},
    "AdmissionResponse": {"uid": "types.UID", "patchType": "v1.PatchType"},
    "UserInfo": {"uid": "string"},
}

# String fields with these names (or ending in Policy/Mode) are usually named string types in Go; when NAMED_STRINGS
# does not say which, the Go type is left unknown rather than guessed as `string`.
ENUM_LIKE_FIELDS = {
    "action", "effect", "medium", "mode", "operator", "phase", "protocol", "resourceName", "scheme", "status", "type",
    "uid", "operation",
}

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
QUANTITY = re.compile(r"^[0-9]+$")
BASE64 = re.compile(r"^[A-Za-z0-9+/]{2}==$")  # []byte placeholders: "BA==", "Ag=="
RAW_EXTENSION_API_VERSION = "example.com/v1"


class GeneratorError(Exception):
    pass


class Generator:
    def __init__(self) -> None:
        self.types: dict[str, dict[str, str]] = {}  # type name -> {field: type expression}
        self.used_structs: set[tuple[str, str]] = set()
        self.used_strings: set[tuple[str, str]] = set()
        self.kinds: list[tuple[str, str, str]] = []

    def add_kind(self, document: dict) -> None:
        api_version, kind = document["apiVersion"], document["kind"]
        self.kinds.append((api_version, kind, kind))
        self.struct(kind, document, known=True)

    def struct(self, name: str, node: dict, known: bool) -> str:
        type_name = name if known else "~" + name
        fields = {key: self.value(name if known else None, name, key, node[key]) for key in sorted(node)}
        previous = self.types.get(type_name)
        if previous is not None and previous != fields:
            raise GeneratorError(f"type {type_name} has two shapes:\n  {previous}\n  {fields}")
        self.types[type_name] = fields
        return type_name

    def value(self, go_parent: str | None, parent: str, field: str, node: object) -> str:
        if isinstance(node, list):
            if len(node) != 1:
                raise GeneratorError(f"{parent}.{field}: expected a one-item placeholder list")
            return "[]" + self.value(go_parent, parent, field, node[0])
        if isinstance(node, dict):
            if not node or node.get("apiVersion") == RAW_EXTENSION_API_VERSION:
                return "any"
            keys = list(node)
            if len(keys) == 1 and keys[0].endswith("Key"):
                return "map[string]" + self.value(go_parent, parent, field, node[keys[0]])
            child = GO_STRUCTS.get(go_parent, {}).get(field) if go_parent else None
            if child is not None:
                self.used_structs.add((go_parent, field))
                return self.struct(child, node, known=True)
            return self.struct(f"{parent}.{field}", node, known=False)
        if isinstance(node, bool):
            return "bool"
        if isinstance(node, int):
            return "int64" if field in INT64_FIELDS else "int32"
        if isinstance(node, str):
            return self.string(go_parent, field, node)
        raise GeneratorError(f"{parent}.{field}: unexpected placeholder {node!r}")

    def string(self, go_parent: str | None, field: str, text: str) -> str:
        if QUANTITY.match(text):
            return "quantity"
        if TIMESTAMP.match(text):
            return "time"
        if BASE64.match(text):
            return "string=[]uint8"
        if field in INT_OR_STRING_FIELDS and text == field + "Value":
            return "intorstring"
        named = NAMED_STRINGS.get(go_parent, {}).get(field) if go_parent else None
        if named is not None:
            self.used_strings.add((go_parent, field))
            return "string" if named == "string" else "string=" + named
        if field in ENUM_LIKE_FIELDS or field.endswith("Policy") or field.endswith("Mode"):
            return "string=?"
        return "string"

    def check_tables(self) -> None:
        unused = [f"GO_STRUCTS[{p}][{f}]" for p, fields in GO_STRUCTS.items() for f in fields
                  if (p, f) not in self.used_structs]
        unused += [f"NAMED_STRINGS[{p}][{f}]" for p, fields in NAMED_STRINGS.items() for f in fields
                   if (p, f) not in self.used_strings]
        if unused:
            raise GeneratorError("table entries that match nothing (typo, or a field the fixtures lack):\n  "
                                 + "\n  ".join(unused))

    def render(self, source: str) -> str:
        lines = [
            "# The Kubernetes API schema for strict decoding (fields and JSON types per kind).",
            f"# Generated by tools/gen-schema.py from {source}; do not edit, regenerate.",
        ]
        for api_version, kind, root in sorted(self.kinds):
            lines.append(f"kind {api_version} {kind} {root}")
        for name in sorted(self.types, key=lambda n: (n.startswith("~"), n)):
            lines.append(f"type {name}")
            lines.extend(f"  {field} {expression}" for field, expression in self.types[name].items())
        return "\n".join(lines) + "\n"

    def paths(self) -> str:
        out: list[str] = []

        def walk(expression: str, path: str) -> None:
            if expression.startswith("[]"):
                walk(expression[2:], path + "[]")
            elif expression.startswith("map[string]"):
                walk(expression[len("map[string]"):], path + "[*]")
            elif expression in self.types:
                for field, child in self.types[expression].items():
                    walk(child, f"{path}.{field}" if path else field)
            else:
                out.append(f"{prefix}{path} {expression}")

        for api_version, kind, root in sorted(self.kinds):
            prefix = f"{api_version} {kind} "
            walk(root, "")
        return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixtures", default=DEFAULT_FIXTURES)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--paths", action="store_true", help="print every field path instead of writing the schema")
    args = parser.parse_args()

    files = sorted(glob.glob(os.path.join(args.fixtures, "*.yaml")))
    if not files:
        print(f"no fixtures in {args.fixtures}", file=sys.stderr)
        return 1
    generator = Generator()
    try:
        for path in files:
            with open(path, encoding="utf-8") as stream:
                generator.add_kind(yaml.safe_load(stream))
        generator.check_tables()
    except GeneratorError as error:
        print(f"gen-schema: {error}", file=sys.stderr)
        return 1

    if args.paths:
        sys.stdout.write(generator.paths())
        return 0
    source = "kubernetes/api testdata/HEAD (tests/reference/k8s-api-fixtures/HEAD, commit 10b39a39bcee)"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(generator.render(source))
    print(f"wrote {os.path.relpath(args.out, ROOT)}: {len(generator.kinds)} kinds, {len(generator.types)} types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
