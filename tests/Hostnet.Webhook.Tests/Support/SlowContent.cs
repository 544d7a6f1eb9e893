using System.Net;
using System.Text;

namespace Hostnet.Webhook.Tests.Support;

/// <summary>A request body sent in two halves, the second only when the test says: a request held in flight.</summary>
internal sealed class SlowContent(string text) : HttpContent
{
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Finish() => _finish.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var half = bytes.Length / 2;
        await stream.WriteAsync(bytes.AsMemory(0, half));
        await stream.FlushAsync();
        Started.TrySetResult();
        await _finish.Task;
        await stream.WriteAsync(bytes.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Encoding.UTF8.GetByteCount(text);
        return true;
    }
}
