using ManifestLint.Cli;

return CliApplication.Run(args, CliEnvironment.FromConsole());
