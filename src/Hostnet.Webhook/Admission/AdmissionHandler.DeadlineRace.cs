using Microsoft.AspNetCore.Http;

namespace Hostnet.Webhook.Admission;

internal sealed partial class AdmissionHandler
{
    /// <summary>
    /// Who answers a review the core decides on the request's own thread: the request, when the decision comes first,
    /// or the review's deadline, when that passes first: it answers 504 at once, from the thread that cancels the
    /// deadline, while the core (which cannot be interrupted) finishes. Before, the core ran in a <c>Task.Run</c> that the
    /// request awaited with the deadline: a hop to another thread, a task, a closure and a cancellable wait per review.
    /// </summary>
    private sealed class DeadlineRace(AdmissionHandler handler, HttpContext context, string name, long started, CancellationToken aborted)
    {
        private const int Deciding = 0;
        private const int Decided = 1;
        private const int Expired = 2;

        private int _state;
        private Task? _refusal;

        /// <summary>The deadline's 504, once the deadline has won and its callback has returned.</summary>
        public Task Refusal => Volatile.Read(ref _refusal) ?? throw new InvalidOperationException("the deadline has not answered");

        /// <summary>The deadline's callback: answers 504 unless the decision came first or the client went away.</summary>
        public static void Expire(object? state)
        {
            var race = (DeadlineRace)state!;
            // A client that went away is not answered: the request finds that out when the core returns.
            if (race.IsAborted || Interlocked.CompareExchange(ref race._state, Expired, Deciding) != Deciding)
            {
                return;
            }

            Volatile.Write(ref race._refusal, race.Answer504());
        }

        /// <summary>Whether the request answers (the decision came first); false when the deadline has answered.</summary>
        public bool TryDecide() => Interlocked.CompareExchange(ref _state, Decided, Deciding) != Expired;

        /// <summary>Whether the deadline has answered already: then the core's decision would be dropped unread.</summary>
        public bool HasExpired => Volatile.Read(ref _state) == Expired;

        private bool IsAborted => aborted.IsCancellationRequested;

        /// <summary>
        /// The 504, then the response completed: over HTTP/2 (the API server's client speaks it) the stream would
        /// otherwise end only when the handler returns, after the core, and the API server would wait for it. Async, so
        /// that a failure reaches the request through <see cref="Refusal"/> and never escapes the deadline's timer.
        /// </summary>
        private async Task Answer504()
        {
            await handler.TimeOutAsync(context, name, started, "review").ConfigureAwait(false);
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
    }
}
