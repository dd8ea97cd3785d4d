namespace ManifestLint.Helm.Templates;

/// <summary>
/// What the argument of an <c>include</c> stands for, as far as values go: the root context (<c>.</c> at a
/// template's top, <c>$</c>), a values path (<c>.Values.resources</c>), a <c>dict</c> or <c>list</c> of those, or,
/// inside a helper, a path below that helper's own argument (<see cref="Helper"/>: <c>@.res</c>). Inside a helper,
/// a line's references below its argument are written <c>@</c>, <c>@.res.limits</c> or <c>@[1]</c> (see
/// <see cref="TemplateLine.ValueReferences"/>); <see cref="Resolve"/> turns them into values paths for one call.
/// </summary>
internal abstract record HelperArgument
{
    /// <summary>The first segment of a reference below a helper's argument.</summary>
    public const string Helper = "@";

    /// <summary>What the part <paramref name="segments"/> below this argument stands for; null when it is no values path.</summary>
    public abstract HelperArgument? Select(IReadOnlyList<string> segments);

    /// <summary>This argument with the references to an enclosing helper's argument replaced by what <paramref name="outer"/> passes (a call inside a helper).</summary>
    public virtual HelperArgument? Within(HelperArgument outer) => this;

    /// <summary>Whether a reference is below a helper's argument (<c>@…</c>) rather than a values path.</summary>
    public static bool IsHelperReference(string reference) =>
        reference.StartsWith(Helper, StringComparison.Ordinal) && (reference.Length == 1 || reference[1] is '.' or '[');

    /// <summary>The values path a helper's reference names under <paramref name="argument"/>; other references are values paths already.</summary>
    public static string? Resolve(string reference, HelperArgument? argument)
    {
        if (!IsHelperReference(reference))
        {
            return reference;
        }

        return argument?.Select(Segments(reference)) is ValuesArgument { Path.Length: > 0 } values ? values.Path : null;
    }

    /// <summary><c>@.a.b[1].c</c> as <c>[a, b, [1], c]</c>.</summary>
    public static IReadOnlyList<string> Segments(string reference)
    {
        var segments = new List<string>();
        foreach (var part in reference[Helper.Length..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0)
            {
                segments.Add(part[..bracket]);
            }

            for (var at = bracket; at >= 0; at = part.IndexOf('[', at + 1))
            {
                var close = part.IndexOf(']', at);
                segments.Add(close > at ? part[at..(close + 1)] : part[at..]);
            }

            if (bracket < 0)
            {
                segments.Add(part);
            }
        }

        return segments;
    }

    /// <summary>The root context: <c>.Values.x</c> below it is the values path <c>x</c>.</summary>
    public sealed record Root : HelperArgument
    {
        public override HelperArgument? Select(IReadOnlyList<string> segments) =>
            segments.Count == 0 ? this
            : segments[0] == "Values" ? new ValuesArgument(string.Join('.', segments.Skip(1)).Replace(".[", "[", StringComparison.Ordinal))
            : null;
    }

    /// <summary>A values path (<c>resources</c>; an item of a ranged list is <c>workers[]</c>; empty for <c>.Values</c> itself).</summary>
    public sealed record ValuesArgument(string Path) : HelperArgument
    {
        public override HelperArgument? Select(IReadOnlyList<string> segments) =>
            segments.Count == 0 ? this : new ValuesArgument(string.Join('.', Path.Length == 0 ? segments : [Path, .. segments]).Replace(".[", "[", StringComparison.Ordinal));
    }

    /// <summary>A path below the enclosing helper's own argument (<c>@.res</c>): known once that helper's call is.</summary>
    public sealed record Symbolic(string Reference) : HelperArgument
    {
        public override HelperArgument? Select(IReadOnlyList<string> segments) =>
            new Symbolic(Reference + string.Concat(segments.Select(s => s.StartsWith('[') ? s : "." + s)));

        public override HelperArgument? Within(HelperArgument outer) => outer.Select(Segments(Reference));
    }

    /// <summary><c>(dict "res" .Values.resources "context" $)</c>: the helper reads <c>.res</c> and <c>.context.Values.x</c>.</summary>
    public sealed record Dict(IReadOnlyDictionary<string, HelperArgument> Entries) : HelperArgument
    {
        public override HelperArgument? Select(IReadOnlyList<string> segments) =>
            segments.Count == 0 ? this : Entries.GetValueOrDefault(segments[0])?.Select([.. segments.Skip(1)]);

        public override HelperArgument? Within(HelperArgument outer) =>
            new Dict(Entries.Select(e => (e.Key, Value: e.Value.Within(outer))).Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal));
    }

    /// <summary><c>(list $ .Values.resources)</c>: the helper reads <c>index . 1</c>.</summary>
    public sealed record List(IReadOnlyList<HelperArgument?> Items) : HelperArgument
    {
        public override HelperArgument? Select(IReadOnlyList<string> segments) =>
            segments.Count == 0 ? this
            : segments[0] is ['[', .. var digits, ']'] && int.TryParse(digits, out var i) && i >= 0 && i < Items.Count ? Items[i]?.Select([.. segments.Skip(1)])
            : null;

        public override HelperArgument? Within(HelperArgument outer) => new List([.. Items.Select(i => i?.Within(outer))]);
    }
}
