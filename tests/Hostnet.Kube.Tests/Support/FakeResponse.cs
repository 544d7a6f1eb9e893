namespace Hostnet.Kube.Tests.Support;

/// <summary>An answer of the fake API server: status, JSON body, headers, and an optional stall before answering.</summary>
internal sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null)
{
    /// <summary>UTF-8 pieces written one after the other instead of <see cref="Body"/>: a large list page, never held as one string.</summary>
    public IEnumerable<ReadOnlyMemory<byte>>? Chunks { get; init; }

    public static FakeResponse Json(string body) => new(200, body);

    /// <summary>A <c>Status</c> body as the API server writes it.</summary>
    public static FakeResponse Error(int code, string reason, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(code, ApiObjects.Status(code, reason, message), headers);
}
