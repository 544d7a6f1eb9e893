namespace Hostnet.Core.Tests.Rules;

/// <summary>Small manifests shared by the message tests of the placement rules (section B).</summary>
internal static class PlacementYaml
{
    public static string Node(string name, string taints = "") =>
        $"apiVersion: v1\nkind: Node\nmetadata:\n  name: {name}\nspec:\n  taints: [{taints}]\n---\n";

    public static string DaemonSet(string name, string spec, string strategy = "", string @namespace = "default") =>
        $"apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {name}\n  namespace: {@namespace}\nspec:\n{strategy}  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n{spec}---\n";

    public static string Deployment(string name, int replicas, string spec, string strategy = "") =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n  namespace: default\nspec:\n  replicas: {replicas}\n{strategy}  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n{spec}---\n";

    /// <summary>A pod spec (indented for a template) with one container declaring a host port.</summary>
    public static string HostPort(int port, string extra = "") =>
        $"{extra}      containers:\n        - name: app\n          image: registry.example.com/app:1.0\n          ports:\n            - {{containerPort: {port}, hostPort: {port}}}\n";
}
