namespace Hostnet.Kube.Listing;

/// <summary>A listable resource: <c>pods</c> in the core group, <c>deployments</c> in <c>apps</c>, …</summary>
public sealed record ApiResource(string Group, string Version, string Plural, string Kind)
{
    /// <summary>The item <c>apiVersion</c>: <c>v1</c> or <c>apps/v1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The cluster-wide list path: <c>/api/v1/pods</c>, <c>/apis/apps/v1/deployments</c>.</summary>
    public string Path => Group.Length == 0 ? $"/api/{Version}/{Plural}" : $"/apis/{Group}/{Version}/{Plural}";

    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
