using System.CommandLine;
using System.Globalization;
using Hostnet.Webhook.Certificates;

namespace Hostnet.Cli.Commands;

/// <summary><c>hostnet webhook gen-certs --service NAME --namespace NS --out DIR</c>: certificates for clusters without cert-manager.</summary>
internal static class WebhookGenCertsCommand
{
    private const int DefaultDays = 365;

    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service") { Description = "The webhook Service's name", Required = true, HelpName = "NAME" };
        var @namespace = new Option<string>("--namespace") { Description = "The Service's namespace", Required = true, HelpName = "NS" };
        var output = new Option<string>("--out") { Description = "Folder to write ca.crt, ca.key, tls.crt, tls.key and ca-bundle.txt into", Required = true, HelpName = "DIR" };
        var days = NumberOption.Create("--days", $"Validity of the serving certificate in days, 1 to 3650 (default {DefaultDays}; the CA gets ten times as long)", 1, 3650);
        var dnsNames = new Option<string[]>("--dns-name") { Description = "Another name for the certificate (repeatable), e.g. localhost", HelpName = "NAME" };
        NameOption.MustBeLabels(service);
        NameOption.MustBeLabels(@namespace);
        NameOption.MustBeSubdomains(dnsNames);
        var command = new Command("gen-certs", "Write a CA, a serving certificate for the Service's DNS names, and the caBundle")
        {
            service, @namespace, output, days, dnsNames,
        };
        command.SetAction(result =>
        {
            var generated = CertificateAuthority.Generate(
                result.GetRequiredValue(service),
                result.GetRequiredValue(@namespace),
                TimeProvider.System.GetUtcNow(),
                TimeSpan.FromDays(result.GetValue(days) ?? DefaultDays),
                result.GetValue(dnsNames));
            var folder = Path.GetFullPath(result.GetRequiredValue(output), environment.WorkingDirectory);
            try
            {
                Directory.CreateDirectory(folder);
                foreach (var (name, content) in generated.Files)
                {
                    var path = Path.Combine(folder, name);
                    File.WriteAllText(path, content);
                    if (name.EndsWith(".key", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"hostnet: cannot write {folder}: {error.Message}");
                return ExitCodes.Invalid;
            }

            environment.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {string.Join(", ", generated.Files.Select(f => f.Name))} to {folder}"));
            environment.Output.WriteLine($"names: {string.Join(", ", CertificateAuthority.DnsNames(result.GetRequiredValue(service), result.GetRequiredValue(@namespace)).Concat(result.GetValue(dnsNames) ?? []))}");
            environment.Output.WriteLine("caBundle: the content of ca-bundle.txt (put it in both webhook configurations' clientConfig.caBundle)");
            return ExitCodes.Success;
        });
        return command;
    }
}
