using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ManifestLint.Cli;

/// <summary>An "Examples:" section at the end of <c>--help</c>, for the root command and <c>lint</c>.</summary>
public static class HelpExamples
{
    public static readonly IReadOnlyList<(string Command, string What)> Root =
    [
        ("manifestlint lint k8s/", "lint every manifest and Helm chart under k8s/"),
        ("manifestlint lint k8s/ --format sarif --output manifestlint.sarif", "SARIF for GitHub code scanning"),
        ("helm template web charts/web | manifestlint lint -", "lint rendered output from standard input"),
        ("manifestlint explain ML1001", "why a rule matters and how to fix it"),
        ("manifestlint rules", "every rule with its default severity"),
    ];

    public static readonly IReadOnlyList<(string Command, string What)> Lint =
    [
        ("manifestlint lint k8s/ charts/web", "files, directories (recursively) and charts"),
        ("manifestlint lint k8s/ --quiet --fail-level error", "one line per finding; fail only on errors"),
        ("manifestlint lint k8s/ -f text -o - -f sarif -o ml.sarif", "text on the terminal and SARIF to a file, one analysis"),
        ("manifestlint lint k8s/ -f github", "GitHub Actions annotations"),
        ("manifestlint lint k8s/ -f markdown -o \"$GITHUB_STEP_SUMMARY\"", "a job summary with the memory table"),
        ("manifestlint lint k8s/ -f json | jq '.findings[].ruleId'", "a stable list for scripts"),
        ("manifestlint lint charts/web --values ci/prod.yaml --summary", "render a chart with values; per-container memory table"),
        ("manifestlint lint k8s/ --fix --dry-run", "show the safe fixes as a diff"),
    ];

    /// <summary>Adds the section to the help of every command of <paramref name="root"/> that has examples.</summary>
    public static RootCommand AddTo(RootCommand root)
    {
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            option.Action = new WithExamples(help);
        }

        return root;
    }

    /// <summary>The examples section of <paramref name="command"/>'s help, or an empty string.</summary>
    public static string For(Command command)
    {
        var examples = command switch
        {
            RootCommand => Root,
            { Name: "lint" } => Lint,
            _ => [],
        };
        if (examples.Count == 0)
        {
            return string.Empty;
        }

        var width = examples.Max(e => e.Command.Length);
        return "Examples:\n" + string.Concat(examples.Select(e => $"  {e.Command.PadRight(width)}  # {e.What}\n")) + "\n";
    }

    /// <summary>The standard help, then the examples.</summary>
    private sealed class WithExamples(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.Write(For(parseResult.CommandResult.Command).ReplaceLineEndings());
            return code;
        }
    }
}
