using System.Text.RegularExpressions;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Go;

/// <summary>
/// ML3003: a GOMEMLIMIT the Go runtime will not take as meant. Either it does not parse (<c>2Gi</c>, <c>2G</c>,
/// <c>1.5GiB</c>, <c>OFF</c>: the runtime throws before <c>main</c>), or it comes from a memory
/// <c>resourceFieldRef</c> with a divisor other than 1, whose bare number Go reads as bytes.
/// </summary>
public sealed partial class GoMemLimitMalformedRule() : Rule(RuleIds.GoMemLimitMalformed)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (GoFacts.For(c) is not { ReadsMemLimit: true, MemLimit: { } env } go || (go.MemLimitState == GoMemLimitState.Off && env.Value is not null))
        {
            return;
        }

        if (go.MemLimitState == GoMemLimitState.Malformed)
        {
            var fix = Rewrite(env.Value ?? string.Empty) switch
            {
                null => $"Write it like {go.Suggestion}",
                var (text, bytes) when go.LimitBytes is { } limit && bytes * 100.0 / limit > (double)GoMemLimitAtOrAboveMemoryLimitRule.MaxPercentage.Default =>
                    $"Write {go.Suggestion} (90% of the limit); the same amount in Go's syntax, GOMEMLIMIT={text}, would leave the GC no headroom",
                var (text, _) => $"Write GOMEMLIMIT={text}",
            };
            c.Report(
                env.WrittenAt.Span,
                $"{go.Subject}: GOMEMLIMIT={env.Value} is not a byte count Go accepts (digits, then B, KiB, MiB, GiB or TiB), so the program crashes at start-up. {fix}.",
                "malformed");
        }
        else if (ScaledField(c, env) is { } field && field.Divisor is { } divisor)
        {
            // Without a limit the value is the node's allocatable memory in divisor units: still a bare number.
            var value = env.Value is null ? string.Empty : $" ({env.Value})";
            c.Report(
                divisor.Node.Span,
                $"{go.Subject}: GOMEMLIMIT comes from resourceFieldRef {field.Resource} with divisor {divisor.Text}, a bare number{value} that Go reads as bytes, so the GC runs nearly non-stop. Write GOMEMLIMIT as $(NAME)MiB over a variable with divisor 1Mi, at about 90% ({go.Suggestion}).",
                "divisor");
        }
    });

    /// <summary>The memory resourceFieldRef, with a divisor other than 1, that GOMEMLIMIT is or bare-expands.</summary>
    private static ResourceFieldRef? ScaledField(ContainerContext c, EnvValue env)
    {
        var fields = env.Source?.ResourceField is { } own ? [own]
            : BareReference().Match(env.Source?.Value ?? string.Empty) is { Success: true } m
                ? c.Container.Env.Where(e => e.Name == m.Groups[1].Value).Select(e => e.ResourceField).OfType<ResourceFieldRef>().ToList()
                : [];
        return fields.LastOrDefault(f => f.Resource is "limits.memory" or "requests.memory" && f.Divisor?.Value is { } d && d != Quantity.FromUnits(1));
    }

    /// <summary>The same amount in Go's syntax when the value is a Kubernetes quantity, maybe with a trailing B: "1800Mi" → "1800MiB".</summary>
    private static (string Text, long Bytes)? Rewrite(string value)
    {
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return ("off", 0);
        }

        var quantity = value.EndsWith('B') ? value[..^1] : value;
        if (!Quantity.TryParse(quantity, out var q, out _) || q.HasFractionalUnits || q <= default(Quantity) || q.CeilingUnits > long.MaxValue)
        {
            return null;
        }

        var bytes = (long)q.CeilingUnits;
        string[] units = ["TiB", "GiB", "MiB", "KiB"];
        for (var i = 0; i < units.Length; i++)
        {
            var shift = 10 * (units.Length - i);
            if (bytes % (1L << shift) == 0)
            {
                return ($"{bytes >> shift}{units[i]}", bytes);
            }
        }

        return (bytes.ToString(System.Globalization.CultureInfo.InvariantCulture), bytes);
    }

    [GeneratedRegex(@"^\$\(([^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex BareReference();
}
