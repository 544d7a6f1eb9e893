using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Hostnet.Webhook.Admission;

/// <summary>
/// Where a JSON value lies in the body it was deserialized from, and what kind of value it is: <c>request.object</c>
/// goes to the checker as UTF-8, so the review's reader only marks it and its bytes are copied once from the body.
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
    /// <summary>
    /// The value's bytes as written, copied out of the body it was read from (the body's buffer goes back to its pool);
    /// the checker reads them as UTF-8 without decoding them to text. Throws <see cref="DecoderFallbackException"/> on
    /// bytes that are not UTF-8, as decoding them did.
    /// </summary>
    public ReadOnlyMemory<byte> BytesIn(ReadOnlySpan<byte> body)
    {
        var value = body.Slice(Start, Length);
        return Utf8.IsValid(value) ? value.ToArray() : throw new DecoderFallbackException("the value is not valid UTF-8");
    }
}

/// <summary>Reads a <see cref="RawJson"/>: the value is skipped (and so checked for well-formedness), not built.</summary>
internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Mark(ref reader);

    /// <summary>Where the value the reader is on lies and what kind it is; the reader is left on its last token.</summary>
    public static RawJson Mark(ref Utf8JsonReader reader)
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
