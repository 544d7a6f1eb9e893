using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hostnet.Webhook.Admission;

/// <summary>
/// Where a JSON value lies in the body it was deserialized from, and what kind of value it is: <c>request.object</c>
/// goes to the checker as text, so the review's reader only marks it and the text is decoded once from the body.
/// A <see cref="JsonElement"/> built a document of it first (a second parse, and a copy of the body) and its text was
/// then transcoded out of that (issue 16). The offsets hold only for a review deserialized from one span of bytes,
/// as <see cref="AdmissionHandler"/> reads it.
/// </summary>
/// <param name="Start">The offset of the value's first byte in the body.</param>
/// <param name="Length">The value's length in bytes, as written in the body.</param>
/// <param name="ValueKind">What the value is (never <see cref="JsonValueKind.Null"/>: a null value reads as no value).</param>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson(int Start, int Length, JsonValueKind ValueKind)
{
    /// <summary>Throws on bytes that are not UTF-8, as <see cref="JsonElement.GetRawText"/> did.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The value's text as written, from the body it was read from.</summary>
    public string TextIn(ReadOnlySpan<byte> body) => StrictUtf8.GetString(body.Slice(Start, Length));
}

/// <summary>Reads a <see cref="RawJson"/>: the value is skipped (and so checked for well-formedness), not built.</summary>
internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = checked((int)reader.TokenStartIndex);
        var kind = reader.TokenType switch
        {
            JsonTokenType.StartObject => JsonValueKind.Object,
            JsonTokenType.StartArray => JsonValueKind.Array,
            JsonTokenType.String => JsonValueKind.String,
            JsonTokenType.Number => JsonValueKind.Number,
            JsonTokenType.True => JsonValueKind.True,
            JsonTokenType.False => JsonValueKind.False,
            _ => JsonValueKind.Null,
        };
        reader.Skip();
        return new RawJson(start, checked((int)reader.BytesConsumed) - start, kind);
    }

    /// <summary>AdmissionReviews are only read (<see cref="AdmissionAnswer"/> writes the answers): no object is ever written back.</summary>
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        throw new NotSupportedException("a request's object is only read: its text stays in the body it came from");
}
