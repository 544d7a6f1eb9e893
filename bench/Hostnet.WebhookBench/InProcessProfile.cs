using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hostnet.Core.Admission;
using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Webhook.Admission;
using Hostnet.Webhook.Hosting;
using Hostnet.Webhook.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Hostnet.WebhookBench;

/// <summary>
/// Where a review's time goes, in process and without HTTP: each phase of the per-review path run many times in a
/// row, with CPU time, allocated bytes and gen-0 collections per review (figures that load on a shared machine
/// distorts little), against deserialising the review alone as the floor.
/// <code>Hostnet.WebhookBench --in-process [--phase TEXT]</code>
/// </summary>
internal static class InProcessProfile
{
    private const string Category = "Hostnet.Webhook.Admission.AdmissionHandler";

    private static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(400);

    public static int Run(string[] args)
    {
        var create = Encoding.UTF8.GetBytes(WebhookBench.Review);
        var update = Encoding.UTF8.GetBytes(UpdateOf(WebhookBench.Review));
        var review = JsonSerializer.Deserialize(create, WebhookJson.Default.AdmissionReview)!;
        var json = review.Request!.Object!.Value.BytesIn(create);
        var subject = new AdmissionSubject("Pod", "CREATE", "monitoring", null, json, null);
        var updated = subject with { Operation = "UPDATE", OldObject = json };
        var policy = WebhookPolicy.Default;
        var mutating = policy with { Mutations = new HashSet<string>(["HN030", "HN015", "HN016", "HN004"], StringComparer.Ordinal) };
        var options = AdmissionEvaluator.OptionsFor(subject, policy);
        var loaded = AdmissionEvaluator.Load(json);
        var document = loaded.Documents[0];
        KubeObject[] objects = [ObjectReader.Read(document)!];
        var handler = new AdmissionHandler(new PolicyStore(null, TimeSpan.FromHours(1), TimeProvider.System, new WebhookMetrics(), NullLogger.Instance), new WebhookMetrics(), 3 << 20, NullLogger<AdmissionHandler>.Instance);
        var mutateHandler = new AdmissionHandler(StoreWith(mutating.Mutations), new WebhookMetrics(), 3 << 20, NullLogger<AdmissionHandler>.Instance);

        var logs = LogLines.Create();
        var answered = new AnswerLogLine("validate", "pod-create", "Pod", "monitoring", "agent", "CREATE", false, "Denied", "HN030,HN002", 1.2636);
        (string Name, Action Body)[] phases =
        [
            ("deserialise the AdmissionReview (floor)", () => JsonSerializer.Deserialize(create, WebhookJson.Default.AdmissionReview)),
            ("request.object → its UTF-8 bytes (copied from the body)", () => review.Request!.Object!.Value.BytesIn(create)),
            ("AdmissionEvaluator.Load before p18-hook5 (decoded text → events → node tree)", () => new ManifestLoader(LoaderLimits.Default) { ShareStrings = false }.Load(new SourceFile(AdmissionEvaluator.ObjectFile, Encoding.UTF8.GetString(json.Span)))),
            ("AdmissionEvaluator.Load (UTF-8 → node tree)", () => AdmissionEvaluator.Load(json)),
            ("the serializer, then AdmissionEvaluator.Load (before p20-hook-load)", () => AdmissionEvaluator.Load(JsonSerializer.Deserialize(create, WebhookJson.Default.AdmissionReview)!.Request!.Object!.Value.BytesIn(create))),
            ("AdmissionReviewReader.TryRead (the review and the object's tree in one pass)", () => AdmissionReviewReader.TryRead(create)),
            ("ManifestChecker.Check (one loaded object)", () => new ManifestChecker(options, RuleCatalog.Rules).Check([loaded])),
            ("  of which the checker without rules (reading, strict decoding, sorting)", () => new ManifestChecker(options, []).Check([loaded])),
            ("  of which ObjectReader.Read", () => ObjectReader.Read(document)),
            ("  of which all rules on the object read once (its lazily computed parts warm)", () => RunRules(objects, options)),
            ("  of which all rules on the object read anew", () => RunRules([ObjectReader.Read(document)!], options)),
            ("  of which a new AnalysisContext", () => _ = new AnalysisContext(objects, options)),
            .. RuleCatalog.Rules.Select(rule => ($"  of which {rule.Descriptor.Id} {rule.GetType().Name} (with its context)", (Action)(() => rule.Check(new AnalysisContext(objects, options))))),
            ("AdmissionEvaluator.Validate, CREATE", () => AdmissionEvaluator.Validate(subject, policy)),
            ("AdmissionEvaluator.Validate, UPDATE", () => AdmissionEvaluator.Validate(updated, policy)),
            ("AdmissionEvaluator.Mutate (4 fixes on)", () => AdmissionEvaluator.Mutate(subject, mutating)),
            ("a review's log line, by the JSON console formatter (before p17-hook4)", () => FormatterLine(logs, answered)),
            ("a review's log line, written straight as UTF-8", () => DirectLine(logs, answered)),
            ("handler /validate CREATE (body in, answer out)", () => Handle(handler, AdmissionEndpoint.Validate, create)),
            ("handler /validate UPDATE", () => Handle(handler, AdmissionEndpoint.Validate, update)),
            ("handler /mutate CREATE (4 fixes on)", () => Handle(mutateHandler, AdmissionEndpoint.Mutate, create)),
        ];
        // --phase TEXT keeps the phases whose name contains it (to profile one of them with perf, say).
        var only = Array.IndexOf(args, "--phase") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        phases = [.. phases.Where(p => only is null || p.Name.Contains(only, StringComparison.Ordinal))];

        // Every phase runs once in a warm-up round (the JIT's tiers settle, which costs this process CPU time),
        // then in each of the timed rounds; the row is the round with the least CPU time, the one least disturbed.
        const int Rounds = 5;
        var best = new Sample[phases.Length];
        var counts = new int[phases.Length];
        for (var round = 0; round <= Rounds; round++)
        {
            for (var p = 0; p < phases.Length; p++)
            {
                if (round == 0)
                {
                    counts[p] = Calibrate(phases[p].Body);
                    continue;
                }

                var sample = Measure(phases[p].Body, counts[p]);
                if (best[p] is null || sample.CpuMicros < best[p].CpuMicros)
                {
                    best[p] = sample;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"In-process profile: {Rounds} rounds of each phase (as many reviews as {RoundTime.TotalMilliseconds:F0} ms took in the warm-up round), the round with the least CPU time shown; load average at the end: {LoadAverage()}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}."));
        Console.WriteLine();
        Console.WriteLine("| phase | CPU µs/review | wall µs/review | allocated/review | gen0 GCs/1000 reviews | ÷ floor (CPU) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var p = 0; p < phases.Length; p++)
        {
            var (cpu, wall, bytes, collections) = best[p];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phases[p].Name} | {cpu:F1} | {wall:F1} | {bytes / 1024.0:F1} KiB | {collections:F1} | {cpu / best[0].CpuMicros:F1}× |"));
        }

        return 0;
    }

    /// <summary>
    /// Runs a phase until <see cref="RoundTime"/> has passed and sets how many reviews a timed round runs: the
    /// process's CPU time is counted in scheduler ticks (10 ms here), so a round must last far longer than that.
    /// </summary>
    private static int Calibrate(Action body)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed < RoundTime || done < 10)
        {
            body();
            done++;
        }

        return done;
    }

    /// <summary>Per review: CPU time (all threads of the process), wall time, bytes allocated, gen-0 collections per 1,000.</summary>
    private sealed record Sample(double CpuMicros, double WallMicros, double Bytes, double Collections);

    private static Sample Measure(Action body, int reviews)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reviews; i++)
        {
            body();
        }

        var wall = clock.Elapsed.TotalMicroseconds / reviews;
        process.Refresh();
        return new Sample(
            (process.TotalProcessorTime - cpu).TotalMicroseconds / reviews,
            wall,
            (double)(GC.GetTotalAllocatedBytes(precise: true) - allocated) / reviews,
            (GC.CollectionCount(0) - gen0) * 1000.0 / reviews);
    }

    /// <summary>The same review as an UPDATE whose old object differs in a label (a rollout restart, say).</summary>
    private static string UpdateOf(string review)
    {
        var node = JsonNode.Parse(review)!;
        var request = node["request"]!;
        request["operation"] = "UPDATE";
        var old = request["object"]!.DeepClone();
        old["metadata"]!["labels"]!["controller-revision-hash"] = "6c8b7a594";
        request["oldObject"] = old;
        return node.ToJsonString();
    }

    private static void RunRules(KubeObject[] objects, AnalysisOptions options)
    {
        var context = new AnalysisContext(objects, options);
        foreach (var rule in RuleCatalog.Rules)
        {
            rule.Check(context);
        }
    }

    private static void Handle(AdmissionHandler handler, AdmissionEndpoint endpoint, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Response.Body = Stream.Null;
        handler.HandleAsync(context, endpoint).GetAwaiter().GetResult();
        // What Kestrel does when the handler returns: the answer is flushed then.
        context.Response.CompleteAsync().GetAwaiter().GetResult();
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"HTTP {context.Response.StatusCode}");
        }
    }

    /// <summary>The line as the JSON console formatter writes it, into a reused writer as the inline provider did.</summary>
    private static void FormatterLine(LogLines logs, AnswerLogLine line)
    {
        logs.Output.GetStringBuilder().Clear();
        logs.Formatter.Write(new LogEntry<AnswerLogLine>(LogLevel.Information, Category, AnswerLogLine.Id, line, null, AnswerLogLine.Formatter), logs.Scopes, logs.Output);
    }

    private static void DirectLine(LogLines logs, AnswerLogLine line)
    {
        logs.Output.GetStringBuilder().Clear();
        InlineConsoleLoggerProvider.WriteDirect(logs.Output, logs.Options, LogLevel.Information, Category, AnswerLogLine.Id.Id, line);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>A policy store holding a policy file with these mutations (the store reads files only).</summary>
    private static PolicyStore StoreWith(IEnumerable<string> mutations)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostnet-profile-policy-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, "mutations: [" + string.Join(", ", mutations.Order(StringComparer.Ordinal)) + "]\n");
        try
        {
            return new PolicyStore(path, TimeSpan.FromHours(1), TimeProvider.System, new WebhookMetrics(), NullLogger.Instance);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The server's JSON console formatter and its options, and a writer the lines go to.</summary>
    private sealed record LogLines(ConsoleFormatter Formatter, JsonConsoleFormatterOptions Options, IExternalScopeProvider Scopes, StringWriter Output)
    {
        public static LogLines Create()
        {
            using var services = new ServiceCollection().AddLogging(logging => logging.AddJsonConsole(WebhookServer.JsonLines)).BuildServiceProvider();
            return new LogLines(
                services.GetRequiredService<IEnumerable<ConsoleFormatter>>().Single(f => f.Name == ConsoleFormatterNames.Json),
                services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue,
                new LoggerExternalScopeProvider(),
                new StringWriter(CultureInfo.InvariantCulture));
        }
    }
}
