namespace Hostnet.Core.Semantics.Schema;

/// <summary>An <c>apiVersion</c> and <c>kind</c> pair, such as <c>apps/v1 Deployment</c>.</summary>
internal readonly record struct ApiKind(string ApiVersion, string Kind)
{
    public override string ToString() => $"{ApiVersion} {Kind}";
}
