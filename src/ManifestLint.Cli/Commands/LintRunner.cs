using System.Reflection;
using System.Text;
using ManifestLint.Cli.Input;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Cli.Commands;

/// <summary>Runs a lint: collect inputs, analyse, write the report, map the outcome to an exit code.</summary>
public static class LintRunner
{
    public static string ToolVersion { get; } =
        typeof(LintRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static int Run(LintOptions options, CliEnvironment environment)
    {
        var collected = InputCollector.Collect(options.Paths, environment);
        if (collected.MissingPaths.Count > 0)
        {
            foreach (var path in collected.MissingPaths)
            {
                environment.Error.WriteLine($"manifestlint: path not found: {path}");
            }

            return ExitCodes.ToolFailure;
        }

        if (options.OutputPath is { } output && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(output, environment.WorkingDirectory))))
        {
            environment.Error.WriteLine($"manifestlint: cannot write {output}: its directory does not exist.");
            return ExitCodes.ToolFailure;
        }

        var analysisOptions = AnalysisOptions.Default with
        {
            Model = ModelOptions.Default with { DefaultNamespace = options.Namespace ?? ModelOptions.Default.DefaultNamespace },
        };
        var result = new AnalysisEngine().Analyze(collected.Inputs, analysisOptions);

        try
        {
            WriteReport(result, options, environment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"manifestlint: cannot write {options.OutputPath}: {e.Message}");
            return ExitCodes.ToolFailure;
        }

        if (options.OutputPath is not null)
        {
            environment.Error.WriteLine(TextReporter.Summary(result));
        }

        return options.FailLevel != Severity.None && result.Diagnostics.Any(d => d.Severity >= options.FailLevel)
            ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    private static void WriteReport(AnalysisResult result, LintOptions options, CliEnvironment environment)
    {
        Action<Stream> write = options.Format switch
        {
            OutputFormat.Sarif => stream => SarifReport.Write(result, environment.WorkingDirectory, ToolVersion, stream),
            _ => stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                TextReporter.Write(result, writer);
            },
        };

        if (options.OutputPath is { } path)
        {
            AtomicFile.Write(Path.GetFullPath(path, environment.WorkingDirectory), write);
        }
        else if (options.Format == OutputFormat.Text)
        {
            TextReporter.Write(result, environment.Out);
        }
        else
        {
            using var buffer = new MemoryStream();
            write(buffer);
            environment.Out.Write(new UTF8Encoding(false).GetString(buffer.ToArray()));
        }
    }
}
