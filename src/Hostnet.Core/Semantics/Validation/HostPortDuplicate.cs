using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>A host port that repeats a key already taken in the same group of containers.</summary>
/// <param name="Field">The API's field path below the pod spec, e.g. <c>containers[1].ports[0].hostPort</c>.</param>
/// <param name="Key">The key the API compares: <c>protocol/hostIP/hostPort</c>, e.g. <c>TCP//8080</c>.</param>
/// <param name="Port">The repeating port.</param>
internal sealed record HostPortDuplicate(string Field, string Key, ContainerPort Port)
{
    /// <summary>The API's error, for a spec at <paramref name="specPath"/> (<c>spec</c> for a Pod).</summary>
    public FieldError ErrorAt(string specPath) => FieldError.Duplicate(specPath + "." + Field, Key);
}
