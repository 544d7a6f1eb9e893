using Hostnet.WebhookBench;

return args.Contains("--in-process") ? InProcessProfile.Run(args) : await WebhookBench.RunAsync(args);
