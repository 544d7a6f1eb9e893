using System.CommandLine;
using System.Globalization;
using Hostnet.Webhook.Certificates;
using Hostnet.Webhook.Hosting;
using Microsoft.Extensions.Logging;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet webhook --tls-cert FILE --tls-key FILE [--policy FILE] [--listen ADDR]</c>: the admission webhook
/// (its <c>gen-certs</c> subcommand: <see cref="WebhookGenCertsCommand"/>).
/// </summary>
internal static class WebhookCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var certificate = new Option<string?>("--tls-cert") { Description = "Required: the serving certificate (PEM); reloaded when it changes", HelpName = "FILE" };
        var key = new Option<string?>("--tls-key") { Description = "Required: its private key (PEM); reloaded when it changes", HelpName = "FILE" };
        var policy = new Option<string?>("--policy") { Description = "The policy file (docs/webhook.md); reloaded when it changes", HelpName = "FILE" };
        var listen = new Option<string>("--listen")
        {
            Description = "Address and port to listen on, e.g. :8443 or 127.0.0.1:8443",
            HelpName = "ADDR",
            DefaultValueFactory = _ => ":8443",
        };
        var logLevel = ChoiceOption.Create("--log-level", "Lowest level logged (debug adds each finding's text)", "information", ["debug", "information", "warning", "error"]);
        var command = new Command("webhook", "Run the admission webhook (TLS only): /validate, /mutate, /healthz, /readyz, /metrics")
        {
            certificate, key, policy, listen, logLevel, WebhookGenCertsCommand.Create(environment),
        };
        command.SetAction(result =>
        {
            var (certificatePath, keyPath) = (result.GetValue(certificate), result.GetValue(key));
            if (certificatePath is null || keyPath is null)
            {
                environment.Error.WriteLine("hostnet: webhook needs --tls-cert and --tls-key (hostnet webhook gen-certs writes a pair)");
                return ExitCodes.Invalid;
            }

            if (!CommonOptions.TryParseListen(result.GetRequiredValue(listen), out var endpoint))
            {
                environment.Error.WriteLine($"hostnet: --listen must look like :8443, 0.0.0.0:8443 or [::]:8443, not '{result.GetValue(listen)}'");
                return ExitCodes.Invalid;
            }

            var options = new WebhookOptions
            {
                Listen = endpoint,
                CertificatePath = Path.GetFullPath(certificatePath, environment.WorkingDirectory),
                KeyPath = Path.GetFullPath(keyPath, environment.WorkingDirectory),
                PolicyPath = result.GetValue(policy) is { } policyPath ? Path.GetFullPath(policyPath, environment.WorkingDirectory) : null,
                LogLevel = Enum.Parse<LogLevel>(result.GetRequiredValue(logLevel), ignoreCase: true),
            };
            try
            {
                // Runs until SIGTERM or Ctrl+C; a server that cannot start says why in one line.
                WebhookServer.ServeAsync(options, TimeProvider.System).GetAwaiter().GetResult();
                return ExitCodes.Success;
            }
            catch (WebhookStartException error)
            {
                environment.Error.WriteLine($"hostnet: {error.Message}");
                return ExitCodes.Invalid;
            }
        });
        return command;
    }
}
