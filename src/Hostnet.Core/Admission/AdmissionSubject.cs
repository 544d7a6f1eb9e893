using Hostnet.Core.Loading;

namespace Hostnet.Core.Admission;

/// <summary>What an AdmissionReview asks about: the parts of <c>request</c> that admission reads.</summary>
/// <param name="Kind"><c>request.kind.kind</c>, e.g. <c>Deployment</c>.</param>
/// <param name="Operation"><c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c> or <c>CONNECT</c>.</param>
/// <param name="Namespace"><c>request.namespace</c>: where the object lands even when its metadata names none.</param>
/// <param name="SubResource"><c>request.subResource</c>, e.g. <c>status</c>; null or empty for the object itself.</param>
/// <param name="Object">The JSON of <c>request.object</c> in UTF-8, as the request's body holds it; null for DELETE.</param>
/// <param name="OldObject">The JSON of <c>request.oldObject</c> in UTF-8 (UPDATE); null otherwise.</param>
public sealed record AdmissionSubject(string Kind, string Operation, string? Namespace, string? SubResource, ReadOnlyMemory<byte>? Object, ReadOnlyMemory<byte>? OldObject)
{
    /// <summary>
    /// <see cref="Object"/> already loaded (<see cref="AdmissionEvaluator.TryLoad"/>) by the reader of the review, which
    /// built its tree as it read the body; null to load it from <see cref="Object"/>.
    /// </summary>
    public LoadResult? LoadedObject { get; init; }
}
