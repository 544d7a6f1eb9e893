using Hostnet.Cli;

return HostnetApp.Run(args, CliEnvironment.FromProcess());
