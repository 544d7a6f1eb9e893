using System.Globalization;
using System.Text;
using System.Text.Json;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hostnet.Core.Tests.Loading;

/// <summary>Texts to compare the loader's fast readers with YamlDotNet by: events, and loaded trees.</summary>
internal static class ParserComparison
{
    /// <summary>
    /// A fast reader's events for <paramref name="text"/> (null: it gave up) must be YamlDotNet's, and it must give
    /// up wherever YamlDotNet reports an error.
    /// </summary>
    public static void AssertSameEventsOrGivesUp(string text, IParser? fast)
    {
        List<string> expected;
        try
        {
            expected = Describe(new Parser(new StringReader(text)));
        }
        catch (YamlException error)
        {
            fast.ShouldBeNull($"YamlDotNet: {error.Message}");
            return;
        }

        if (fast is not null)
        {
            Describe(fast).ShouldBe(expected, text);
        }
    }

    /// <summary>
    /// The UTF-8 tree builder's load of <paramref name="text"/> (null: it gave up) must be the text's load, and it
    /// must not give up on what the text's JSON reader takes and loads without a problem; inside a larger text too.
    /// </summary>
    public static void AssertSameUtf8TreeOrGivesUp(string path, string text)
    {
        AssertSameInsideALargerText(path, text);
        var fast = new ManifestLoader().TryLoadJson(path, Encoding.UTF8.GetBytes(text));
        var loaded = new ManifestLoader().Load(new SourceFile(path, text));
        if (fast is null)
        {
            (JsonEventParser.TryParse(text, new StringPool()) is null || loaded.Problems.Count > 0).ShouldBeTrue($"the UTF-8 builder gave up on {text}");
            return;
        }

        Dump(fast).ShouldBe(Dump(loaded), text);
    }

    /// <summary>
    /// Where the UTF-8 tree builder reads <paramref name="text"/> as a value inside a larger JSON text (an
    /// AdmissionReview's <c>request.object</c>, read in the same pass as the review), it must load what it loads from
    /// the value's bytes alone, lines and columns counted from the value's first byte, give up where that gives up,
    /// and leave the reader on the value's last token.
    /// </summary>
    private static void AssertSameInsideALargerText(string path, string text)
    {
        // Before the value: on its line (a two-byte character too, which the columns must not count), or lines above it.
        // After it: a wide character, so that the text from the value on is not ASCII even where the value is.
        foreach (var (before, after) in (ReadOnlySpan<(string, string)>)[
            ("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"caf\u00e9\",\"object\":", ",\"dryRun\":false}}"),
            ("{\n  \"request\": {\n    \"kind\": {\"kind\": \"Pod\"},\n    \"object\": ", "\n  }\n}\n"),
            ("{\"request\":{\"object\":", ",\"userInfo\":{\"username\":\"\u00e9\u007f\"}}}"),
        ])
        {
            var utf8 = Encoding.UTF8.GetBytes(before + text + after);
            // Deeper than the webhook's reader allows: the builder's own nesting bound is what is compared.
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 1000 });
            int start, end;
            try
            {
                while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("object"u8)))
                {
                }

                reader.Read();
                var probe = reader;
                probe.Skip();
                (start, end) = ((int)reader.TokenStartIndex, (int)probe.BytesConsumed);
            }
            catch (JsonException)
            {
                // Not one JSON value: nothing to read inside a larger text.
                return;
            }

            var alone = new ManifestLoader().TryLoadJson(path, utf8.AsSpan(start, end - start));
            var inside = new ManifestLoader().TryLoadJson(path, ref reader, utf8);
            (inside is null).ShouldBe(alone is null, text);
            if (inside is not null)
            {
                Dump(inside).ShouldBe(Dump(alone!), text);
                reader.BytesConsumed.ShouldBe(end, text);
            }
        }
    }

    /// <summary>The node events, one line each; an empty document (a lone empty plain scalar) counts as none.</summary>
    public static List<string> Describe(IParser parser)
    {
        var lines = new List<string>();
        var document = new List<string>();
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    document.Clear();
                    break;
                case DocumentEnd:
                    if (document is not [var only] || !only.StartsWith("scalar Plain \"\" @", StringComparison.Ordinal))
                    {
                        lines.AddRange(document);
                    }

                    break;
                case Scalar scalar:
                    document.Add(string.Create(CultureInfo.InvariantCulture, $"scalar {scalar.Style} \"{scalar.Value}\" @{scalar.Start.Line}:{scalar.Start.Column} {scalar.Anchor}{scalar.Tag}"));
                    break;
                case NodeEvent node:
                    document.Add(string.Create(CultureInfo.InvariantCulture, $"{node.GetType().Name} @{node.Start.Line}:{node.Start.Column} {node.Anchor}{node.Tag}"));
                    break;
                case var other when other is not (StreamStart or StreamEnd):
                    document.Add(other!.GetType().Name);
                    break;
            }
        }

        return lines;
    }

    /// <summary>The trees, one node a line with its position and style; a node reached twice (an alias) is named once.</summary>
    public static string Dump(IEnumerable<SourceNode> roots)
    {
        var text = new StringBuilder();
        var seen = new HashSet<SourceNode>(ReferenceEqualityComparer.Instance);
        foreach (var root in roots)
        {
            Dump(root, text, seen, 1);
        }

        return text.ToString();
    }

    /// <summary>A load result's documents as <see cref="Dump(IEnumerable{SourceNode})"/> writes them, then its problems and skipped documents.</summary>
    public static string Dump(LoadResult result)
    {
        var text = new StringBuilder();
        var seen = new HashSet<SourceNode>(ReferenceEqualityComparer.Instance);
        foreach (var document in result.Documents)
        {
            text.Append(CultureInfo.InvariantCulture, $"document {document.Kind} {document.ApiVersion}\n");
            Dump(document.Root, text, seen, 1);
        }

        foreach (var problem in result.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"problem {problem.Position} {problem.Message}\n");
        }

        foreach (var skipped in result.Skipped)
        {
            text.Append(CultureInfo.InvariantCulture, $"skipped {skipped.Position} {skipped.Reason}\n");
        }

        return text.ToString();
    }

    private static void Dump(SourceNode node, StringBuilder text, HashSet<SourceNode> seen, int depth)
    {
        text.Append(' ', depth * 2);
        if (!seen.Add(node))
        {
            text.Append(CultureInfo.InvariantCulture, $"(shared {node.Position})\n");
            return;
        }

        switch (node)
        {
            case SourceScalar scalar:
                text.Append(CultureInfo.InvariantCulture, $"{scalar.Position} {scalar.Style} \"{scalar.Value}\"\n");
                break;
            case SourceMapping mapping:
                text.Append(CultureInfo.InvariantCulture, $"{mapping.Position} mapping\n");
                foreach (var entry in mapping.Entries)
                {
                    // Keys are not nodes of their own: written as a scalar is.
                    text.Append(' ', (depth + 1) * 2).Append(CultureInfo.InvariantCulture, $"{entry.KeyPosition} {entry.KeyStyle} \"{entry.Key}\"\n");
                    Dump(entry.Value, text, seen, depth + 2);
                }

                break;
            case SourceSequence sequence:
                text.Append(CultureInfo.InvariantCulture, $"{sequence.Position} sequence\n");
                foreach (var item in sequence.Items)
                {
                    Dump(item, text, seen, depth + 1);
                }

                break;
        }
    }
}
