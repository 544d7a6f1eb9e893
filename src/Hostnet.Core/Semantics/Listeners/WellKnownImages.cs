using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>
/// The table of ports well-known images listen on by default, kept in one data file
/// (Data/well-known-image-ports.yaml, embedded) and read once.
/// </summary>
internal static class WellKnownImages
{
    private const string ResourceName = "Hostnet.Core.Data.well-known-image-ports.yaml";

    private static readonly Lazy<IReadOnlyList<WellKnownImage>> Table = new(() => Parse(ReadResource()));

    /// <summary>Entries by the last component of their repositories (<c>node-exporter</c>), variants first.</summary>
    private static readonly Lazy<Dictionary<string, WellKnownImage[]>> ByName = new(() => All
        .SelectMany(e => e.Repositories.Select(r => (Name: r[(r.LastIndexOf('/') + 1)..], Entry: e)))
        .GroupBy(x => x.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Entry).Distinct().OrderByDescending(e => e.Tag is not null).ToArray(), StringComparer.Ordinal));

    public static IReadOnlyList<WellKnownImage> All => Table.Value;

    /// <summary>The entry for an image reference (<c>quay.io/prometheus/node-exporter:v1.8.2</c>); a variant whose tag matches wins.</summary>
    public static WellKnownImage? Find(string image) => Find(ImageReference.Parse(image));

    public static WellKnownImage? Find(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var name = image.Repository[(image.Repository.LastIndexOf('/') + 1)..];
        return ByName.Value.TryGetValue(name, out var candidates) ? candidates.FirstOrDefault(e => e.Matches(image)) : null;
    }

    /// <summary>
    /// The image's default listeners for a container that runs the image's server as shipped: its program is one
    /// of the entry's <c>server</c> executables (or not set), and none of the entry's overriding options or
    /// variables is present.
    /// </summary>
    internal static IEnumerable<InferredListener> Defaults(Container container, IReadOnlyList<ArgumentWord> tokens)
    {
        if (container.Image is not { Length: > 0 } image)
        {
            return [];
        }

        var reference = ImageReference.Parse(image);
        if (Find(reference) is not { } entry || !RunsServer(container, entry) || IsOverridden(container, tokens, entry))
        {
            return [];
        }

        var evidence = "default of image " + reference.Repository;
        return entry.Ports.Select(p => new InferredListener(p.Port, p.Protocol, ListenerSource.Image, evidence, container.Path + ".image", p.Name));
    }

    /// <summary>Reads the table; a malformed table is a bug in hostnet, not a problem of the input.</summary>
    internal static IReadOnlyList<WellKnownImage> Parse(string text)
    {
        var problems = new List<InputProblem>();
        var root = new ManifestLoader().Parse(new SourceFile("well-known-image-ports.yaml", text), problems) as SourceMapping;
        if (problems.Count > 0 || root is null)
        {
            throw new InvalidOperationException("well-known-image-ports.yaml: " + string.Join("; ", problems.Select(p => $"{p.Position}: {p.Message}")));
        }

        return Fields.List(root, "images").OfType<SourceMapping>().Select(ReadEntry).ToArray();
    }

    private static WellKnownImage ReadEntry(SourceMapping entry)
    {
        var ports = Fields.List(entry, "ports").OfType<SourceMapping>()
            .Select(p => new WellKnownPort(
                Fields.Int(p, "port") ?? throw Malformed(entry, "a port without a number"),
                Fields.String(p, "protocol") ?? "TCP",
                Fields.String(p, "name")))
            .ToArray();
        var repositories = Fields.Strings(entry, "repositories");
        if (repositories.Count == 0 || ports.Length == 0)
        {
            throw Malformed(entry, "an entry needs repositories and ports");
        }

        return new WellKnownImage(
            repositories,
            Fields.String(entry, "tag"),
            Fields.Strings(entry, "server"),
            ports,
            Fields.Strings(entry, "overriddenBy"),
            Fields.String(entry, "why") ?? throw Malformed(entry, "an entry needs a why"));
    }

    private static InvalidOperationException Malformed(SourceNode node, string what) =>
        new($"well-known-image-ports.yaml {node.Position}: {what}");

    private static string ReadResource()
    {
        using var stream = typeof(WellKnownImages).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool RunsServer(Container container, WellKnownImage entry)
    {
        var program = container.Command.Count > 0 ? container.Command[0]
            : container.Args.Count > 0 && !container.Args[0].StartsWith('-') ? container.Args[0]
            : null;
        return program is null || entry.Server.Contains(program[(program.LastIndexOf('/') + 1)..], StringComparer.Ordinal);
    }

    private static bool IsOverridden(Container container, IReadOnlyList<ArgumentWord> tokens, WellKnownImage entry) =>
        entry.OverriddenBy.Any(o => o.StartsWith('-')
            ? tokens.Any(t => t.Text == o || t.Text.StartsWith(o + "=", StringComparison.Ordinal) || (o.Length == 2 && t.Text.StartsWith(o, StringComparison.Ordinal)))
            : container.Env.Any(e => e.Name == o));
}
