using System.Globalization;
using Hostnet.Core.Loading;

namespace Hostnet.TreeProbe;

/// <summary>
/// How much heap the loaded node trees of a directory keep alive: the part of <c>hostnet check</c>'s heap that lives
/// until the rules have run, and that every background collection traces again. Loads every <c>.yaml</c>, <c>.yml</c>
/// and <c>.json</c> file under the directory with the public loader, keeps the load results (not the file texts),
/// forces a full compacting collection and prints the live bytes. Only public API: the same source builds against an older checkout for a before/after.
/// <code>Hostnet.TreeProbe DIR [--wait]   (--wait: pause on stdin after measuring, e.g. for dotnet-gcdump)</code>
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length is < 1 or > 2 || (args.Length == 2 && args[1] != "--wait"))
        {
            Console.Error.WriteLine("usage: Hostnet.TreeProbe DIR [--wait]");
            return 2;
        }

        var files = Directory.EnumerateFiles(args[0], "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal)
            .ToArray();
        var before = LiveBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var loader = new ManifestLoader(LoaderLimits.Default);
        var kept = new List<LoadResult>(files.Length);
        var documents = 0;
        foreach (var path in files)
        {
            var file = SourceFile.FromBytes(path, File.ReadAllBytes(path), out _);
            if (file is not null)
            {
                var result = loader.Load(file);
                documents += result.Documents.Count;
                kept.Add(result);
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var live = LiveBytes() - before;
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files {files.Length}, documents {documents}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live bytes after loading {live} ({live / 1048576.0:F1} MiB, {(double)live / Math.Max(1, documents):F0} per document)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated while loading {allocated / 1048576.0:F1} MiB (file bytes included)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"heap after the last full collection {info.HeapSizeBytes / 1048576.0:F1} MiB, fragmented {info.FragmentedBytes / 1048576.0:F1} MiB"));
        if (args.Length == 2)
        {
            Console.WriteLine("waiting: press Enter to exit");
            Console.ReadLine();
        }

        GC.KeepAlive(kept);
        return 0;
    }

    private static long LiveBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
