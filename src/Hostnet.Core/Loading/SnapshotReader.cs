using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// Reads a cluster snapshot: what <c>kubectl get nodes,pods,namespaces,services -A -o json</c> (or <c>-o yaml</c>) or
/// <c>hostnet snapshot</c> prints. JSON is streamed (<see cref="SnapshotJsonReader"/>) so that a snapshot of a large
/// cluster loads at disk speed; YAML goes through the manifest loader, within its size limit. The input is JSON when
/// its first character (after a byte-order mark and white space) is <c>{</c> or <c>[</c>. An object that names no
/// namespace is read in the configured default namespace (<c>defaultNamespace</c> of <c>.hostnet.yaml</c>), as every
/// command reads it afterwards, so that the reader's messages and duplicate names agree with the findings.
/// </summary>
public static class SnapshotReader
{
    public static ClusterReadResult Read(string path, Stream stream) => Read(path, stream, LoaderLimits.Default);

    public static ClusterReadResult Read(string path, Stream stream, LoaderLimits limits) =>
        Read(path, stream, limits, KubeObject.KubernetesDefaultNamespace);

    public static ClusterReadResult Read(string path, Stream stream, LoaderLimits limits, string defaultNamespace) =>
        Read(path, stream, limits, defaultNamespace, itemsInParallel: true);

    /// <param name="itemsInParallel">Whether the items of a JSON List are tokenised on other threads (<see cref="SnapshotItemChunks"/>); the tests compare both ways.</param>
    internal static ClusterReadResult Read(string path, Stream stream, LoaderLimits limits, string defaultNamespace, bool itemsInParallel)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentException.ThrowIfNullOrEmpty(defaultNamespace);
        var builder = new ClusterSnapshotBuilder(path, defaultNamespace);
        var prefix = new byte[SnapshotJsonReader.BufferSize];
        var length = ReadUpTo(stream, prefix);
        var start = prefix.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var first = prefix.AsSpan(start, length - start).IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8);
        if (first >= 0 && prefix[start + first] is (byte)'{' or (byte)'[')
        {
            using var handOff = new SnapshotHandOff(builder);
            var chunks = itemsInParallel ? new SnapshotItemChunks(handOff, () => SnapshotJsonReader.ForItems(path, limits, builder.Interner)) : null;
            try
            {
                new SnapshotJsonReader(path, prefix.AsSpan(start, length - start), stream, limits, handOff, chunks).Read();
            }
            catch (Exception) when (chunks is not null)
            {
                // The stream failed; an item handed over before may hold an error, found on another thread: read in
                // order, that error comes first and ends the read.
                handOff.Complete();
                if (!handOff.Stopped)
                {
                    throw;
                }

                return builder.Build();
            }
            finally
            {
                chunks?.WaitForParses();
            }

            handOff.Complete();
        }
        else
        {
            ReadYaml(path, prefix.AsSpan(0, length), stream, limits, builder);
        }

        return builder.Build();
    }

    private static void ReadYaml(string path, ReadOnlySpan<byte> prefix, Stream stream, LoaderLimits limits, ClusterSnapshotBuilder builder)
    {
        using var bytes = new MemoryStream();
        bytes.Write(prefix);
        var chunk = new byte[81920];
        int read;
        while (bytes.Length <= limits.MaxFileBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            bytes.Write(chunk, 0, read);
        }

        if (bytes.Length > limits.MaxFileBytes)
        {
            builder.Error(SourcePosition.Start, $"a YAML snapshot is read whole and may be at most {limits.MaxFileBytes / (1024 * 1024)} MiB; use JSON (kubectl get … -o json) for larger clusters");
            return;
        }

        if (SourceFile.FromBytes(path, bytes.GetBuffer().AsSpan(0, (int)bytes.Length), out var problem) is not { } file)
        {
            builder.Error(problem!.Position, problem.Message);
            return;
        }

        var loader = new ManifestLoader(limits);
        var loaded = loader.Load(file);
        foreach (var error in loaded.Problems)
        {
            builder.Error(error.Position, error.Message);
        }

        if (loaded.Documents.Count == 0 && loaded.Problems.Count == 0)
        {
            var position = loaded.Skipped.Count > 0 ? loaded.Skipped[0].Position : SourcePosition.Start;
            builder.Error(position, "not a List or a stream of Kubernetes objects" + (loaded.Skipped.Count > 0 ? ": " + loaded.Skipped[0].Reason : ": the input is empty"));
            return;
        }

        foreach (var document in loaded.Documents)
        {
            builder.Add(document);
        }

        // The List's own metadata is not among the documents; it is parsed again only when it carries the version.
        if (file.Text.Contains(ClusterSnapshotBuilder.ServerVersionAnnotation, StringComparison.Ordinal)
            && loader.Parse(file, []) is SourceMapping root)
        {
            builder.ListPosition(root.Position);
            builder.ListAnnotations(Fields.StringMap(Fields.Map(root, "metadata"), "annotations"));
        }
    }

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return length;
    }
}
