namespace Hostnet.Webhook.Hosting;

/// <summary>
/// Standard output written in blocks for the JSON log lines: the console writes and flushes each line on its own,
/// one system call per review, which measured as a large share of a review's cost (bench/RESULTS.md, P3). Lines
/// reach the output at the latest <see cref="FlushInterval"/> after they were logged, and on stop or exit.
/// </summary>
internal sealed class BufferedStandardOutput : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _original;
    private readonly BufferedUtf8Writer _writer;
    private readonly Timer _timer;
    private volatile bool _disposed;

    private BufferedStandardOutput()
    {
        _original = Console.Out;
        _writer = new BufferedUtf8Writer(Console.OpenStandardOutput(), 64 * 1024);
        _timer = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);
        AppDomain.CurrentDomain.ProcessExit += OnExit;
    }

    /// <summary>
    /// Where the log lines go: the buffered writer itself (<see cref="Console.Out"/> is it behind the console's lock, which
    /// the writer does not need), until disposed; then the console's own writer again.
    /// </summary>
    public TextWriter Out => _disposed ? Console.Out : _writer;

    /// <summary>Makes <see cref="Console.Out"/> buffered until disposed (set before the console logger reads it).</summary>
    public static BufferedStandardOutput Install()
    {
        var output = new BufferedStandardOutput();
        Console.SetOut(output._writer);
        return output;
    }

    public void Dispose()
    {
        _disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        _timer.Dispose();
        Flush();
        Console.SetOut(_original);
    }

    private void OnExit(object? sender, EventArgs e) => Flush();

    private void Flush()
    {
        try
        {
            _writer.Flush();
        }
        catch (IOException)
        {
            // Standard output is gone (a closed pipe): nothing left to write to.
        }
        catch (ObjectDisposedException)
        {
            // Already closed at exit.
        }
    }
}
