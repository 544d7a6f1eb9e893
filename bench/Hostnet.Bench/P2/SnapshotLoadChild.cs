using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hostnet.Bench.Measurement;
using Hostnet.Core.Loading;

namespace Hostnet.Bench.P2;

/// <summary>
/// One mode of the snapshot load, run in a child process of its own so that its peak resident set is its own:
/// an untimed warm-up run when there are more than two timed runs (at full size the JIT's share is small), then timed
/// runs each after a full collection. Prints <c>ms=…;peak-kb=…;objects=…</c>.
/// </summary>
internal static class SnapshotLoadChild
{
    public static int Run(string file, string mode, int reps, TextWriter output)
    {
        var load = Mode(mode);
        var objects = reps > 2 ? load(file) : 0;
        var samples = new List<double>();
        for (var i = 0; i < reps; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var clock = Stopwatch.StartNew();
            objects = load(file);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ms={new Samples(samples).Serialize()};peak-kb={PeakMemory.Kilobytes() ?? 0};objects={objects}"));
        return 0;
    }

    private static Func<string, long> Mode(string mode) => mode switch
    {
        "hostnet" => HostnetLoad,
        "scan" => Scan,
        "jsondocument" => JsonDocumentParse,
        _ => throw new ArgumentException($"unknown P2 mode '{mode}'", nameof(mode)),
    };

    private static FileStream Open(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>hostnet: <c>SnapshotReader.Read</c>, as <c>--cluster FILE</c> does: the typed model of every node and pod.</summary>
    private static long HostnetLoad(string file)
    {
        using var stream = Open(file);
        var result = SnapshotReader.Read(file, stream);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(result.Errors[0].ToString());
        }

        var snapshot = result.Snapshot;
        return snapshot.Nodes.Count + snapshot.Pods.Count + snapshot.Namespaces.Count + snapshot.Services.Count;
    }

    /// <summary>The floor: every token read by <see cref="Utf8JsonReader"/> over the same 1 MiB blocks, nothing built.</summary>
    private static long Scan(string file)
    {
        using var stream = Open(file);
        var buffer = new byte[1 << 20];
        var state = new JsonReaderState();
        var length = 0;
        long tokens = 0;
        var final = false;
        while (!final)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            final = read == 0;
            length += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            while (reader.Read())
            {
                tokens++;
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
        }

        return tokens;
    }

    /// <summary>The common way: <see cref="JsonDocument.Parse(Stream, JsonDocumentOptions)"/> of the whole file, then counting the items.</summary>
    private static long JsonDocumentParse(string file)
    {
        using var stream = Open(file);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 128 });
        return document.RootElement.GetProperty("items").GetArrayLength();
    }
}
