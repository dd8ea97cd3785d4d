using System.CommandLine;
using System.Text.RegularExpressions;
using ManifestLint.Engine.Catalog;

namespace ManifestLint.Cli.Commands;

/// <summary><c>manifestlint explain ML1001</c>: prints the rule's page, as a reader wants it.</summary>
public static partial class ExplainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("rule-id") { Description = "A rule ID, e.g. ML1001." };
        var command = new Command("explain", "Print a rule's documentation page.") { id };
        command.SetAction(parseResult =>
        {
            var requested = parseResult.GetRequiredValue(id).Trim().ToUpperInvariant();
            if (!RuleCatalog.Default.TryGet(requested, out var descriptor))
            {
                environment.Error.WriteLine($"manifestlint: no rule '{requested}'. Run 'manifestlint rules' for the list.");
                return ExitCodes.ToolFailure;
            }

            environment.Out.Write(ForReaders(descriptor.Page));
            environment.Out.WriteLine($"{Environment.NewLine}Help: {descriptor.HelpUri}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The page without the annotations its examples carry for the tests (<c># Noncompliant</c>,
    /// <c># Noncompliant@+1</c>, <c># Noncompliant {{part of the message}}</c> at the end of a line): the tests check
    /// that the rule finds what they mark; a reader reads the prose around the example.
    /// </summary>
    public static string ForReaders(string page) => TrailingAnnotation().Replace(AnnotationLine().Replace(page, string.Empty), string.Empty);

    /// <summary>A line that is only an annotation (indented: headings such as "## Noncompliant example" are not).</summary>
    [GeneratedRegex(@"^[ \t]+#[ \t]*Noncompliant\b[^\n]*\n", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnnotationLine();

    /// <summary>An annotation after YAML on its line.</summary>
    [GeneratedRegex(@"(?<=\S)[ \t]+#[ \t]*Noncompliant\b[^\n]*?(?=\r?$)", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingAnnotation();
}
