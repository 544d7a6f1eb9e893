using Hostnet.Cli;

CollectorChoice.RestartOnWorkstationIfWanted(args);
return HostnetApp.Run(args, CliEnvironment.FromProcess());
