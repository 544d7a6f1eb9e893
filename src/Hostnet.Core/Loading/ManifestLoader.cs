using System.Text;
using System.Text.Json;
using Hostnet.Core.Documents;
using YamlDotNet.Core;

namespace Hostnet.Core.Loading;

/// <summary>
/// Reads YAML or JSON text (multi-document streams, <c>v1 List</c> objects, AdmissionReviews) into documents,
/// turning every kind of bad input into an <see cref="InputProblem"/> with a position.
/// </summary>
public sealed class ManifestLoader(LoaderLimits limits)
{
    public ManifestLoader()
        : this(LoaderLimits.Default)
    {
    }

    /// <summary>The bounds this loader keeps to.</summary>
    internal LoaderLimits Limits => limits;

    /// <summary>Whether equal scalar texts share one string: worth it for many documents, not for one small one.</summary>
    public bool ShareStrings { get; init; } = true;

    private StringPool Strings => field ??= ShareStrings ? new StringPool() : StringPool.None;

    /// <summary>
    /// Whether block-style YAML is built by <see cref="BlockYamlParser"/> and JSON read by <see cref="JsonEventParser"/>
    /// (tests compare both ways).
    /// </summary>
    internal bool FastYaml { get; init; } = true;

    public LoadResult Load(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var documents = new List<ManifestDocument>();
        var problems = new List<InputProblem>();
        var skipped = new List<SkippedDocument>();
        if (file.Text.Length > limits.MaxFileBytes)
        {
            problems.Add(new InputProblem(file.Path, SourcePosition.Start, $"the input is larger than the {limits.MaxFileBytes / (1024 * 1024)} MiB limit"));
            return new LoadResult(documents, problems, skipped);
        }

        var jsonStream = JsonSyntaxCheck.IsJsonStream(file.Text);
        foreach (var chunk in DocumentSplitter.Split(file.Text))
        {
            foreach (var root in ParseChunk(file.Path, chunk, problems, jsonStream))
            {
                Classify(new Found(file.Path, documents, skipped, problems), root, listItem: null);
            }
        }

        return new LoadResult(documents, problems, skipped);
    }

    /// <summary>
    /// Loads one JSON object from its UTF-8 bytes (a review's object as the request's body holds it) as <see cref="Load"/>
    /// loads its decoded text: straight from the bytes when <see cref="TryLoadJson(string, ReadOnlySpan{byte})"/> can, from the decoded text otherwise.
    /// </summary>
    public LoadResult LoadJson(string path, ReadOnlySpan<byte> utf8) =>
        TryLoadJson(path, utf8) ?? Load(new SourceFile(path, Encoding.UTF8.GetString(utf8)));

    /// <summary>
    /// Loads one JSON object from its UTF-8 bytes (a review's object as the request's body holds it) without decoding it
    /// first (<see cref="Utf8JsonTreeBuilder"/>): what <see cref="Load"/> gives for the decoded text, or null where that
    /// reader leaves the text to the others, and then the caller loads the text.
    /// </summary>
    public LoadResult? TryLoadJson(string path, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(path);
        // More bytes than the limit may still be fewer characters: the text's load tells.
        if (utf8.Length > limits.MaxFileBytes || Utf8JsonTreeBuilder.TryBuild(utf8, limits) is not { } root)
        {
            return null;
        }

        return Classified(path, root);
    }

    /// <summary>
    /// <see cref="TryLoadJson(string, ReadOnlySpan{byte})"/> of the JSON object <paramref name="reader"/> is on inside
    /// a larger text (a review's <c>request.object</c> in its body), read on from there to the object's end: the
    /// review is tokenised once. Null where that gives up, and the reader then stands anywhere inside the object.
    /// </summary>
    /// <param name="path">The name to load it under.</param>
    /// <param name="reader">A reader over <paramref name="utf8"/>, on the object's first token; left on its last.</param>
    /// <param name="utf8">The reader's whole input.</param>
    public LoadResult? TryLoadJson(string path, ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(path);
        var start = reader.TokenStartIndex;
        // More bytes than the limit may still be fewer characters: the text's load tells.
        return Utf8JsonTreeBuilder.TryBuildValue(ref reader, utf8, limits) is { } root && reader.BytesConsumed - start <= limits.MaxFileBytes
            ? Classified(path, root)
            : null;
    }

    /// <summary>What one JSON value turns out to be: a document, a List's or a review's objects, or a skipped one.</summary>
    private static LoadResult Classified(string path, SourceNode root)
    {
        var found = new Found(path, [], [], []);
        Classify(found, root, listItem: null);
        return new LoadResult(found.Documents, found.Problems, found.Skipped);
    }

    /// <summary>
    /// Loads many inputs, spread over the cores (files are independent, and parsing is most of a check's time).
    /// The results are in input order and the same as <see cref="Load"/> gives one by one.
    /// </summary>
    public IReadOnlyList<LoadResult> LoadAll(IReadOnlyList<SourceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return LoadAll(files.Count, i => files[i]).Select(result => result!).ToArray();
    }

    /// <summary>
    /// Loads <paramref name="count"/> inputs that <paramref name="open"/> reads one at a time (null: it could not),
    /// spread over the cores, in input order. Each text can be dropped as soon as it is parsed, so a large input
    /// set never holds all its texts at once: the node trees keep the positions the findings need.
    /// </summary>
    public IReadOnlyList<LoadResult?> LoadAll(int count, Func<int, SourceFile?> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var results = new LoadResult?[count];
        if (count < 2)
        {
            // One input gains nothing from threads and would pay for starting them.
            for (var i = 0; i < count; i++)
            {
                results[i] = open(i) is { } file ? Load(file) : null;
            }

            return results;
        }

        Parallel.For(0, count, i => results[i] = open(i) is { } file ? Load(file) : null);
        return results;
    }

    /// <summary>Parses text that is not a Kubernetes object (a configuration file) into its first document.</summary>
    public SourceNode? Parse(SourceFile file, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        return ParseChunk(file.Path, new DocumentChunk(file.Text), problems, jsonStream: false).FirstOrDefault();
    }

    /// <param name="path">The file, for problems.</param>
    /// <param name="chunk">One document of it.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="jsonStream">Whether the file is JSON as Kubernetes tells (<see cref="JsonSyntaxCheck.IsJsonStream"/>): then Go's JSON rules apply, not YAML's.</param>
    private List<SourceNode> ParseChunk(string path, DocumentChunk chunk, List<InputProblem> problems, bool jsonStream)
    {
        var roots = new List<SourceNode>(1);
        // JSON (a review's object, kubectl -o json) goes straight to its own reader: the block reader would scan it only to give up.
        var json = FastYaml && JsonEventParser.LooksLikeJson(chunk.Source.AsSpan(chunk.Start, chunk.Length));
        if (FastYaml && !json && BlockYamlParser.TryBuild(chunk, limits, Strings, out var root))
        {
            if (root is not null)
            {
                roots.Add(root);
            }

            return roots;
        }

        var problemsBefore = problems.Count;
        Scanner? scanner = null;
        NodeBuilder? builder = null;
        // Go's JSON reading of the chunk, once: it decides before YAML is tried and after YAML fails.
        (bool Read, InputProblem? Error) goJson = (false, null);
        try
        {
            var text = chunk.Text;
            using var reader = new StringReader(text);
            IParser? fast = json ? JsonEventParser.TryParse(text, Strings) : null;
            // The fast reader accepts strict JSON only; what it gives up on may still break Go's JSON rules. From the
            // third value of a stream on that is the error Kubernetes reports; before, it reads the rest as YAML
            // ({apiVersion: v1, …} is a YAML flow mapping) and reports the JSON error only if YAML fails too (below).
            // hostnet reads the whole document as YAML, not just the rest: with a good first value before a broken
            // second, YAML fails on the two and the JSON error is given where kubectl would read on (docs/rules/HN000.md).
            if (fast is null && jsonStream)
            {
                goJson = (true, JsonSyntaxCheck.Find(chunk, path, out var valuesBefore));
                if (goJson.Error is { } broken && JsonSyntaxCheck.IsFinal(valuesBefore))
                {
                    problems.Add(broken);
                    return roots;
                }
            }

            scanner = fast is null ? new Scanner(reader) : null;
            builder = new NodeBuilder(fast ?? new Parser(scanner!), chunk.FirstLine, limits, Strings);
            roots.AddRange(builder.ReadDocuments());
        }
        catch (InputException error)
        {
            problems.Add(new InputProblem(path, error.Position, error.Message));
        }
        catch (YamlException error)
        {
            // A few errors (a tab used as indentation) come without a position: the scanner stopped where it failed.
            var mark = error.Start.Equals(Mark.Empty) && scanner is not null ? scanner.CurrentPosition : error.Start;
            problems.Add(mark.Index >= chunk.Text.TrimEnd().Length && builder?.OpenFlowCollection is { } open
                ? Unclosed(path, open)
                : new InputProblem(path, new SourcePosition((int)mark.Line + chunk.FirstLine - 1, (int)mark.Column), "YAML syntax error: " + Describe(error)));
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Some malformed input (an unterminated flow sequence) makes YamlDotNet throw without a position: point at
            // the collection left open.
            problems.Add(error is InvalidOperationException && builder?.OpenFlowCollection is { } open
                ? Unclosed(path, open)
                : new InputProblem(path, new SourcePosition(chunk.FirstLine, 1), "YAML syntax error: " + (error is InvalidOperationException ? "the document ends inside a flow collection (an unclosed [ or {?)" : error.Message)));
        }

        // A JSON stream that YAML cannot read either: Kubernetes reads it as JSON, so its JSON error is the one to give.
        if (problems.Count > problemsBefore && jsonStream && (goJson.Read ? goJson.Error : JsonSyntaxCheck.Find(chunk, path)) is { } jsonError)
        {
            problems.RemoveRange(problemsBefore, problems.Count - problemsBefore);
            problems.Add(jsonError);
        }

        // A chart's template fails as YAML in many places; one line saying what it is helps more than the first of them.
        if (problems.Count > problemsBefore && HelmTemplateMarker.Find(chunk) is { } template)
        {
            problems.RemoveRange(problemsBefore, problems.Count - problemsBefore);
            problems.Add(new InputProblem(path, template, HelmTemplateMarker.Message));
        }

        return roots;
    }

    /// <summary>The text ended inside a flow collection: point at its opening, which is what to fix.</summary>
    private static InputProblem Unclosed(string path, (SourcePosition Position, char Opening) open) =>
        new(path, open.Position, $"YAML syntax error: the document ends inside the flow collection opened here: the {open.Opening} is never closed");

    private static string Describe(YamlException error)
    {
        var message = error.InnerException is YamlException inner ? inner.Message : error.Message;
        var detail = message.LastIndexOf("): ", StringComparison.Ordinal);
        return detail >= 0 ? message[(detail + 3)..] : message;
    }

    /// <summary>A document that is an object is kept, one that is not skipped quietly, a List's item that is not one an input problem.</summary>
    /// <param name="found">Where each goes.</param>
    /// <param name="root">The document, or an item of a List.</param>
    /// <param name="listItem">The item's index when <paramref name="root"/> is an item of a List, else null.</param>
    private static void Classify(Found found, SourceNode root, int? listItem)
    {
        if (root is not SourceMapping mapping)
        {
            found.NotAnObject(root, listItem, $"not a Kubernetes object (a {root.TypeName})");
            return;
        }

        var apiVersion = mapping.TryGetScalar("apiVersion", out var apiVersionScalar) ? apiVersionScalar.Value : null;
        var kind = mapping.TryGetScalar("kind", out var kindScalar) ? kindScalar.Value : null;
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            // An item of a List is meant to be an object: kubectl stops on it with the decoder's error
            // (k8s.io/apimachinery/pkg/runtime/error.go, v1.35: "Object 'Kind' is missing in '…'").
            found.NotAnObject(root, listItem, listItem is null ? "not a Kubernetes object (no apiVersion and kind)"
                : string.IsNullOrEmpty(kind) ? "Object 'Kind' is missing" : "Object 'apiVersion' is missing");
            return;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && mapping["items"] is SourceSequence items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Classify(found, items[i], i);
            }

            return;
        }

        if (kind == "AdmissionReview" && (mapping["request"] as SourceMapping)?["object"] is SourceMapping reviewed)
        {
            Classify(found, reviewed, listItem: null);
            return;
        }

        found.Documents.Add(new ManifestDocument(found.Path, mapping, apiVersion, kind));
    }

    /// <summary>What one file's documents turn out to be.</summary>
    private sealed record Found(string Path, List<ManifestDocument> Documents, List<SkippedDocument> Skipped, List<InputProblem> Problems)
    {
        public void NotAnObject(SourceNode node, int? listItem, string reason)
        {
            if (listItem is { } index)
            {
                Problems.Add(new InputProblem(Path, node.Position, $"items[{index}] of the List: {reason}"));
            }
            else
            {
                Skipped.Add(new SkippedDocument(Path, node.Position, reason));
            }
        }
    }
}
