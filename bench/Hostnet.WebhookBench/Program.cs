using Hostnet.WebhookBench;

return await WebhookBench.RunAsync(args);
