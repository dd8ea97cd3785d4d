using System.Globalization;
using ManifestLint.Helm.Charts;

namespace ManifestLint.Helm.Templates;

/// <summary>
/// Finds the ways a chart's templates could let line markers change the output in a way that removing them again
/// cannot undo: a checksum of another template file's rendered text, or of a helper's output; marked text that is
/// cut, re-encoded, re-cased or compared (<c>include "x.config" . | sha256sum</c>, <c>trunc</c>, <c>b64enc</c>,
/// <c>eq</c>). Such a chart is rendered without markers too, and the plain render is what is linted.
/// </summary>
/// <remarks>
/// Markers are in the text of template files (see <see cref="MarkedChart"/>), so they reach a value only through
/// <c>include</c>/<c>template</c> of a named template that holds a marked line or includes one, of a template file
/// by its path, or through a value built from those (variables, <c>dict</c>, a helper's context). The analysis
/// follows that flow through pipelines, variables and helpers' contexts, and reports the first function that
/// could not pass marker text through unchanged. It errs towards reporting: a false alarm costs one render.
/// Values strings evaluated by <c>tpl</c> are taken not to include marked helpers (their text is not the chart's).
/// </remarks>
internal sealed class MarkerRisk
{
    /// <summary>Functions whose result would differ, undetectably, if their text argument carried markers.</summary>
    private static readonly HashSet<string> Opaque = new(StringComparer.Ordinal)
    {
        "sha1sum", "sha256sum", "sha512sum", "adler32sum", "md5sum", "b64enc", "b64dec", "b32enc", "b32dec", "encryptAES", "decryptAES",
        "htpasswd", "derivePassword", "urlquery", "html", "js", "trunc", "substr", "abbrev", "abbrevboth", "initials", "wrap", "wrapWith",
        "len", "shuffle", "nospace", "trim", "trimAll", "trimPrefix", "trimSuffix", "replace", "regexReplaceAll", "regexReplaceAllLiteral",
        "mustRegexReplaceAll", "mustRegexReplaceAllLiteral", "regexFind", "regexFindAll", "mustRegexFind", "mustRegexFindAll", "regexMatch",
        "mustRegexMatch", "regexSplit", "mustRegexSplit", "split", "splitList", "splitn", "upper", "lower", "title", "untitle", "camelcase",
        "snakecase", "kebabcase", "swapcase", "eq", "ne", "lt", "le", "gt", "ge", "contains", "hasPrefix", "hasSuffix", "has", "mustHas",
        "without", "mustWithout", "uniq", "mustUniq", "sortAlpha", "compact", "mustCompact", "toYaml", "mustToYaml", "toYamlPretty", "toJson",
        "mustToJson", "toPrettyJson", "mustToPrettyJson", "toRawJson", "mustToRawJson", "toToml", "fromJson", "mustFromJson", "fromJsonArray",
        "mustFromJsonArray", "atoi", "int", "int64", "float64", "toDecimal", "semver", "semverCompare", "base", "dir", "ext", "clean",
        "osBase", "osDir", "osExt", "osClean", "urlParse",
    };

    /// <summary>
    /// Comparisons that are safe against the empty string alone (<c>without $messages ""</c>): a marker is only
    /// ever printed on a line that prints text, so marked text is empty exactly when the plain text is.
    /// </summary>
    private static readonly HashSet<string> EmptinessTests = new(StringComparer.Ordinal)
    {
        "eq", "ne", "has", "mustHas", "without", "mustWithout",
    };

    /// <summary>Functions that change their first argument (a dict) to hold the others.</summary>
    private static readonly HashSet<string> Mutating = new(StringComparer.Ordinal)
    {
        "set", "merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite",
    };

    /// <summary>Helm's YAML readers drop comments: a marker never reaches the parsed value (block scalars are not marked).</summary>
    private static readonly HashSet<string> Parsing = new(StringComparer.Ordinal)
    {
        "fromYaml", "fromYamlArray", "mustFromYaml", "mustFromYamlArray",
    };

    private const string AnyTemplate = "*";

    private readonly List<Body> bodies;
    private readonly HashSet<string> marked = new(StringComparer.Ordinal);
    private readonly HashSet<string> passing = new(StringComparer.Ordinal);
    private readonly HashSet<string> taintedContexts = new(StringComparer.Ordinal);
    private readonly HashSet<string> called = new(StringComparer.Ordinal);
    private readonly List<(string Template, string Reason)> pending = [];
    private string? risk;
    private bool changed;

    private MarkerRisk(List<Body> bodies) => this.bodies = bodies;

    /// <summary>Why the chart's markers may change its output undetectably, or null when removing them restores it.</summary>
    public static string? Find(ChartNode root, TemplateCache cache, Func<string, string> display)
    {
        var bodies = new List<Body>();
        foreach (var (file, _) in MarkedChart.TemplateFilesWithCharts(root))
        {
            if (cache.Get(file) is not { } template)
            {
                continue;
            }

            var where = display(file);
            if (template.Tokens.FirstOrDefault(t => t.Body.Contains(MarkedChart.MarkerStart, StringComparison.OrdinalIgnoreCase)) is { } literal)
            {
                return $"{Position(where, template, literal)} holds the line marker text itself";
            }

            bodies.AddRange(Bodies(where, template, MarkedChart.IsMarked(file)));
        }

        var analysis = new MarkerRisk(bodies);
        analysis.Run();
        return analysis.risk ?? analysis.FileInclude();
    }

    /// <summary>
    /// A template file's rendered text included where it runs: in a file's own text, or in a named template that is
    /// called (a library chart's unused checksum helper renders nothing).
    /// </summary>
    private string? FileInclude()
    {
        foreach (var body in bodies)
        {
            if (body.Actions.FirstOrDefault(t => IncludesAFile(t.Body)) is { } include
                && (body.Name is null || called.Contains(body.Name) || called.Contains(AnyTemplate)))
            {
                return $"{Position(body.File, body.Template, include)} includes a template file's rendered text, whose markers a checksum would hide";
            }
        }

        return null;
    }

    /// <summary><c>.Template.BasePath</c> (the usual <c>include (print $.Template.BasePath "/configmap.yaml") . | sha256sum</c>), or a template file named by its path.</summary>
    private static bool IncludesAFile(string body) =>
        body.Contains("Template.BasePath", StringComparison.Ordinal)
        || ((body.Contains("include", StringComparison.Ordinal) || body.Contains("template", StringComparison.Ordinal)) && body.Contains("/templates/", StringComparison.Ordinal));

    private static string Position(string file, TemplateFile template, TemplateToken token) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{template.LineOf(token.Start)}");

    /// <summary>The file's top level, then each <c>define</c>/<c>block</c> body, with whether the body holds a marked line.</summary>
    private static IEnumerable<Body> Bodies(string file, TemplateFile template, bool isMarked)
    {
        var top = new List<TemplateToken>();
        var depth = 0;
        List<TemplateToken>? current = null;
        string? name = null;
        var start = 0;
        foreach (var token in template.Tokens.Where(t => t.IsAction))
        {
            if (current is null)
            {
                if (token.Kind == ActionKind.Define)
                {
                    current = [];
                    var commands = TemplateExpression.Parse(token.Body).Commands;
                    name = commands.Count > 0 ? commands[0].Operands.OfType<LiteralOperand>().FirstOrDefault()?.Value ?? AnyTemplate : AnyTemplate;
                    start = token.End;
                    depth = 0;

                    // A block is defined and executed in place: its call belongs to the enclosing text.
                    if (token.Body.StartsWith("block", StringComparison.Ordinal))
                    {
                        top.Add(token);
                    }
                }
                else
                {
                    top.Add(token);
                }

                continue;
            }

            if ((token.Kind == ActionKind.Control && StartsBlock(token.Body)) || token.Kind == ActionKind.Define)
            {
                depth++;
            }
            else if (token.Kind == ActionKind.End && depth-- == 0)
            {
                var lines = Enumerable.Range(template.LineOf(start), Math.Max(0, template.LineOf(token.Start) - template.LineOf(start)));
                yield return new Body(file, template, name, current, isMarked && lines.Any(template.IsMarkable));
                current = null;
                continue;
            }

            current.Add(token);
        }

        yield return new Body(file, template, null, top, false);
    }

    private static bool StartsBlock(string body) =>
        body.StartsWith("if", StringComparison.Ordinal) || body.StartsWith("range", StringComparison.Ordinal) || body.StartsWith("with", StringComparison.Ordinal);

    /// <summary>Analyses every body until the sets of marked, passing and tainted-context templates stop growing.</summary>
    private void Run()
    {
        foreach (var body in bodies.Where(b => b.Name is not null && b.HasMarkedLine))
        {
            marked.Add(body.Name!);
        }

        do
        {
            changed = false;
            foreach (var body in bodies)
            {
                if (body.Name is not { } name)
                {
                    Evaluate(body, contextTainted: false, reportRisk: true);
                    continue;
                }

                if (Evaluate(body, contextTainted: false, reportRisk: true))
                {
                    changed |= marked.Add(name);
                }

                // What the template does with a context that carries markers: pass them to its output, or (when some
                // caller gives it such a context) hash or cut them.
                var tainted = taintedContexts.Contains(name) || taintedContexts.Contains(AnyTemplate);
                if (Evaluate(body, contextTainted: true, reportRisk: tainted))
                {
                    changed |= passing.Add(name);
                }

                if (risk is not null)
                {
                    return;
                }
            }
        }
        while (changed);

        // A named template that is never called renders nothing (a library chart's helpers mostly).
        risk = pending.FirstOrDefault(p => called.Contains(p.Template) || called.Contains(AnyTemplate)).Reason;
    }

    /// <summary>Walks one body; true when its output can carry markers.</summary>
    private bool Evaluate(Body body, bool contextTainted, bool reportRisk)
    {
        var scope = new Scope(body, contextTainted, reportRisk);
        var output = false;
        for (var i = 0; i < body.Actions.Count && risk is null; i++)
        {
            var token = body.Actions[i];
            var isBlock = token.Kind == ActionKind.Define && token.Body.StartsWith("block", StringComparison.Ordinal);
            if ((token.Kind is ActionKind.Comment or ActionKind.End or ActionKind.Define && !isBlock) || token.Body is "else" or "break" or "continue")
            {
                continue;
            }

            scope.Token = token;
            var value = Pipeline(body.Pipeline(i), scope);
            if (value && token.Kind == ActionKind.Control && (token.Body.StartsWith("with", StringComparison.Ordinal) || token.Body.StartsWith("range", StringComparison.Ordinal) || token.Body.StartsWith("else with", StringComparison.Ordinal)))
            {
                // The dot inside is the value: taken as tainted for the rest of the body (flow is not tracked further).
                scope.Dot = true;
            }

            output |= value && token.Kind is ActionKind.Output or ActionKind.OutputNewline or ActionKind.Define;
        }

        return output;
    }

    private bool Pipeline(TemplatePipeline pipeline, Scope scope)
    {
        bool? piped = null;
        foreach (var command in pipeline.Commands)
        {
            piped = Command(command, piped, scope);
        }

        var value = piped ?? false;
        foreach (var name in pipeline.Declared)
        {
            scope.Variables[name] = scope.Variables.GetValueOrDefault(name) || value;
        }

        return value;
    }

    private bool Command(TemplateCommand command, bool? piped, Scope scope)
    {
        if (command.Operands[0] is not FunctionOperand function)
        {
            return Operand(command.Operands[0], scope) || (piped ?? false);
        }

        var arguments = command.Operands.Skip(1).ToList();
        var tainted = arguments.Select(a => Operand(a, scope)).ToList();
        if (piped is { } previous)
        {
            tainted.Add(previous);
        }

        var any = tainted.Any(t => t);
        switch (function.Name)
        {
            case "include" or "template" or "block":
                return Call(arguments.FirstOrDefault() is LiteralOperand { IsString: true } template ? template.Value : null, tainted.Skip(1).Any(t => t), scope);
            case "printf" when any:
                if (arguments.FirstOrDefault() is not LiteralOperand { IsString: true } format || HasFormattingVerb(format.Value))
                {
                    Report(scope, "printf with a formatting verb");
                }

                return true;
            case var opaque when Opaque.Contains(opaque):
                if (any && !(EmptinessTests.Contains(opaque) && ComparesWithEmptyOnly(arguments, tainted)))
                {
                    Report(scope, opaque);
                }

                return false;
            case var parsing when Parsing.Contains(parsing):
                return false;
            case var mutating when Mutating.Contains(mutating) && tainted.Skip(1).Any(t => t):
                switch (arguments.FirstOrDefault())
                {
                    case VariableOperand variable:
                        scope.Variables[variable.Name] = true;
                        break;
                    case FieldOperand:
                        scope.Dot = true;
                        break;
                }

                return true;
            default:
                return any;
        }
    }

    /// <summary>One tainted value, every other argument the literal <c>""</c> (a piped value is the last argument).</summary>
    private static bool ComparesWithEmptyOnly(List<TemplateOperand> arguments, List<bool> tainted) =>
        tainted.Count(t => t) == 1
        && tainted.Select((t, i) => t || (i < arguments.Count && arguments[i] is LiteralOperand { IsString: true, Value.Length: 0 })).All(ok => ok);

    /// <summary><c>include</c>/<c>template</c> of a named template; a name not known statically could be any template.</summary>
    private bool Call(string? name, bool contextTainted, Scope scope)
    {
        // A name built from .Template.BasePath is a file's, not a named template's (FileInclude checks those).
        if (name is not null || scope.Token is not { } token || !IncludesAFile(token.Body))
        {
            called.Add(name ?? AnyTemplate);
        }

        // Only a real call passes markers on: not one seen while asking what a template would do with them.
        if (contextTainted && scope.ReportRisk)
        {
            changed |= taintedContexts.Add(name ?? AnyTemplate);
        }

        return name is null || marked.Contains(name) || (contextTainted && passing.Contains(name));
    }

    private bool Operand(TemplateOperand operand, Scope scope) => operand switch
    {
        FieldOperand => scope.Dot,
        VariableOperand { Name.Length: 0 } => scope.Root,
        VariableOperand variable => scope.Variables.GetValueOrDefault(variable.Name),
        PipelineOperand inner => Pipeline(inner.Pipeline, scope),
        _ => false,
    };

    /// <summary>A verb other than <c>%s</c>/<c>%v</c>/<c>%%</c>, or one with a width or precision, can change or cut the text.</summary>
    private static bool HasFormattingVerb(string format)
    {
        for (var i = format.IndexOf('%'); i >= 0 && i + 1 < format.Length; i = format.IndexOf('%', i + 2))
        {
            if (format[i + 1] is not ('s' or 'v' or '%'))
            {
                return true;
            }
        }

        return false;
    }

    private void Report(Scope scope, string function)
    {
        if (scope.ReportRisk && risk is null && scope.Token is { } token)
        {
            var reason = $"{Position(scope.Body.File, scope.Body.Template, token)} applies {function} to text that carries line markers";
            if (scope.Body.Name is { } name)
            {
                if (!pending.Contains((name, reason)))
                {
                    pending.Add((name, reason));
                }
            }
            else
            {
                risk = reason;
            }
        }
    }

    /// <summary>The top level of a template file, or one named template (<paramref name="name"/>).</summary>
    private sealed class Body(string file, TemplateFile template, string? name, IReadOnlyList<TemplateToken> actions, bool hasMarkedLine)
    {
        private readonly TemplatePipeline?[] pipelines = new TemplatePipeline?[actions.Count];

        public string File { get; } = file;

        public TemplateFile Template { get; } = template;

        public string? Name { get; } = name;

        public IReadOnlyList<TemplateToken> Actions { get; } = actions;

        public bool HasMarkedLine { get; } = hasMarkedLine;

        /// <summary>The parsed pipeline of action <paramref name="index"/>, parsed once.</summary>
        public TemplatePipeline Pipeline(int index) => pipelines[index] ??= TemplateExpression.Parse(Actions[index].Body);
    }

    /// <summary>What carries markers while one body is walked: the dot, <c>$</c>, and variables by name.</summary>
    private sealed class Scope(Body body, bool contextTainted, bool reportRisk)
    {
        public Body Body { get; } = body;

        public bool ReportRisk { get; } = reportRisk;

        public bool Dot { get; set; } = contextTainted;

        public bool Root { get; } = contextTainted;

        public Dictionary<string, bool> Variables { get; } = new(StringComparer.Ordinal);

        public TemplateToken? Token { get; set; }
    }
}
