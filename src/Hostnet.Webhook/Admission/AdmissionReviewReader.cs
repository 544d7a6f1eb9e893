using System.Text.Json;
using System.Text.Unicode;
using Hostnet.Core.Admission;
using Hostnet.Core.Loading;

namespace Hostnet.Webhook.Admission;

/// <summary>
/// Reads an AdmissionReview in one pass over its body and loads <c>request.object</c> on the way
/// (<see cref="AdmissionEvaluator.TryLoad"/>): the serializer only marked the object (<see cref="RawJson"/>), stepping
/// over its every token, and the loader then read them all again (issue 16). It takes only what the serializer
/// (<see cref="WebhookJson"/>) reads without an error, and reads it the same; on anything else (malformed JSON, a
/// value of the wrong type, a field given twice, bytes that are not UTF-8, an object that is not one or that the
/// tree builder leaves to the text's readers) it gives up, and the serializer reads the body and words its error.
/// </summary>
internal static class AdmissionReviewReader
{
    /// <summary>The serializer's nesting bound (its default): a body nested deeper is its error to word.</summary>
    private const int MaxDepth = 64;

    /// <summary>The review, and <c>request.object</c> loaded (null when there is none); null to leave the body to the serializer.</summary>
    /// <param name="loadObject">Whether to load <c>request.object</c> (else it is only marked, as the serializer marks it).</param>
    public static (AdmissionReview Review, LoadResult? LoadedObject)? TryRead(ReadOnlySpan<byte> body, bool loadObject = true)
    {
        // The serializer's strings throw on bytes that are not UTF-8; the tree builder needs them valid too.
        if (!Utf8.IsValid(body))
        {
            return null;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var review = new AdmissionReview();
            LoadResult? loaded = null;
            var seen = Fields.None;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals("apiVersion"u8) ? Fields.ApiVersion
                    : reader.ValueTextEquals("kind"u8) ? Fields.Kind
                    : reader.ValueTextEquals("request"u8) ? Fields.Request
                    : Fields.None;
                if (!First(ref seen, field) || !reader.Read())
                {
                    return null;
                }

                switch (field)
                {
                    case Fields.ApiVersion when TryString(ref reader, out var apiVersion):
                        review.ApiVersion = apiVersion;
                        break;
                    case Fields.Kind when TryString(ref reader, out var kind):
                        review.Kind = kind;
                        break;
                    case Fields.Request when reader.TokenType == JsonTokenType.Null:
                        break;
                    case Fields.Request when reader.TokenType == JsonTokenType.StartObject && TryRequest(ref reader, body, loadObject, out var request, out loaded):
                        review.Request = request;
                        break;
                    case Fields.None:
                        reader.Skip();
                        break;
                    default:
                        return null;
                }
            }

            // Anything after the review is the serializer's error (the reader throws on it).
            return reader.Read() ? null : (review, loaded);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // A string the reader cannot decode (an escaped lone surrogate) included: the serializer's to report.
            return null;
        }
    }

    /// <summary>Reads <c>request</c>, the reader on its opening brace; false to give up.</summary>
    private static bool TryRequest(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, bool loadObject, out AdmissionRequest request, out LoadResult? loaded)
    {
        request = new AdmissionRequest();
        loaded = null;
        var seen = Fields.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("uid"u8) ? Fields.Uid
                : reader.ValueTextEquals("kind"u8) ? Fields.Kind
                : reader.ValueTextEquals("subResource"u8) ? Fields.SubResource
                : reader.ValueTextEquals("name"u8) ? Fields.Name
                : reader.ValueTextEquals("namespace"u8) ? Fields.Namespace
                : reader.ValueTextEquals("operation"u8) ? Fields.Operation
                : reader.ValueTextEquals("object"u8) ? Fields.Object
                : reader.ValueTextEquals("oldObject"u8) ? Fields.OldObject
                : reader.ValueTextEquals("dryRun"u8) ? Fields.DryRun
                : Fields.None;
            if (!First(ref seen, field) || !reader.Read())
            {
                return false;
            }

            string? text;
            switch (field)
            {
                case Fields.Uid when TryString(ref reader, out text):
                    request.Uid = text;
                    break;
                case Fields.Kind when reader.TokenType == JsonTokenType.Null:
                    break;
                case Fields.Kind when reader.TokenType == JsonTokenType.StartObject && TryKind(ref reader, out var kind):
                    request.Kind = kind;
                    break;
                case Fields.SubResource when TryString(ref reader, out text):
                    request.SubResource = text;
                    break;
                case Fields.Name when TryString(ref reader, out text):
                    request.Name = text;
                    break;
                case Fields.Namespace when TryString(ref reader, out text):
                    request.Namespace = text;
                    break;
                case Fields.Operation when TryString(ref reader, out text):
                    request.Operation = text;
                    break;
                case Fields.Object or Fields.OldObject when reader.TokenType == JsonTokenType.Null:
                    break;
                case Fields.Object when loadObject && reader.TokenType == JsonTokenType.StartObject:
                    var start = (int)reader.TokenStartIndex;
                    loaded = AdmissionEvaluator.TryLoad(ref reader, body);
                    if (loaded is null)
                    {
                        return false;
                    }

                    request.Object = new RawJson(start, (int)reader.BytesConsumed - start, JsonValueKind.Object);
                    break;
                case Fields.Object when !loadObject:
                    request.Object = RawJsonConverter.Mark(ref reader);
                    break;
                case Fields.OldObject:
                    // Loaded only if an UPDATE's findings call for it: marked, as the serializer marks it.
                    request.OldObject = RawJsonConverter.Mark(ref reader);
                    break;
                case Fields.DryRun when reader.TokenType is JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                    request.DryRun = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
                    break;
                case Fields.None:
                    reader.Skip();
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Reads <c>request.kind</c>, the reader on its opening brace; false to give up.</summary>
    private static bool TryKind(ref Utf8JsonReader reader, out GroupVersionKind kind)
    {
        kind = new GroupVersionKind();
        var seen = Fields.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("group"u8) ? Fields.Group
                : reader.ValueTextEquals("version"u8) ? Fields.Version
                : reader.ValueTextEquals("kind"u8) ? Fields.Kind
                : Fields.None;
            if (!First(ref seen, field) || !reader.Read())
            {
                return false;
            }

            string? text;
            switch (field)
            {
                case Fields.Group when TryString(ref reader, out text):
                    kind.Group = text;
                    break;
                case Fields.Version when TryString(ref reader, out text):
                    kind.Version = text;
                    break;
                case Fields.Kind when TryString(ref reader, out text):
                    kind.Kind = text;
                    break;
                case Fields.None:
                    reader.Skip();
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>A string or null, as the serializer reads a string field; false for any other value.</summary>
    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    /// <summary>
    /// Notes a field read; false when it was read before (the serializer's last value would win, and a request given
    /// twice would lose the fields of the first: left to it). Unknown fields are skipped however often they come.
    /// </summary>
    private static bool First(ref Fields seen, Fields field)
    {
        if ((seen & field) != 0)
        {
            return false;
        }

        seen |= field;
        return true;
    }

    /// <summary>The fields read, one bit each (the names are shared by the levels: <c>kind</c> is a field of three).</summary>
    [Flags]
    private enum Fields
    {
        None = 0,
        ApiVersion = 1 << 0,
        Kind = 1 << 1,
        Request = 1 << 2,
        Uid = 1 << 3,
        SubResource = 1 << 4,
        Name = 1 << 5,
        Namespace = 1 << 6,
        Operation = 1 << 7,
        Object = 1 << 8,
        OldObject = 1 << 9,
        DryRun = 1 << 10,
        Group = 1 << 11,
        Version = 1 << 12,
    }
}
