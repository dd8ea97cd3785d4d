using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1004: a memory request or limit written with the <c>m</c> (milli) suffix, or below 1 MiB. The value is computed
/// exactly: <c>512m</c> is 0.512 bytes and <c>memory: 512</c> is 512 bytes, always a unit mistake (error); but
/// <c>1073741824000m</c> is exactly 1 GiB, a whole number of bytes of sensible size written in thousandths: only a note
/// that suggests the canonical form. Zero is left alone (it is an explicit "nothing").
/// </summary>
public sealed class SuspiciousMemoryQuantityRule() : Rule(RuleIds.SuspiciousMemoryQuantity)
{
    private static readonly Quantity OneMebibyte = Quantity.FromUnits(1024 * 1024);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        Check(c, c.Container.Resources.Requests[ResourceNames.Memory], "request");
        Check(c, c.Container.Resources.Limits[ResourceNames.Memory], "limit");
    });

    private static void Check(ContainerContext c, QuantityValue? written, string field)
    {
        if (written?.Value is not { } value || value.IsZero || value < default(Quantity))
        {
            return;
        }

        var text = written.Text.Trim();
        var number = text.TrimEnd('m');
        if (text.EndsWith('m') && !value.HasFractionalUnits && value >= OneMebibyte)
        {
            var canonical = value.ToCanonicalString();
            c.AtMost(Severity.Note).Report(ResourceFixes.CanonicalQuantity(written, canonical), written.Node.Span,
                ExactMessage(c.Subject, field, text, ByteSize.Format(value), canonical),
                field);
        }
        else if (text.EndsWith('m'))
        {
            var what = value.HasFractionalUnits ? $"{ByteSize.Format(value)}, {(value < Quantity.FromUnits(1) ? "less than a byte" : "a fraction of a byte")}" : $"only {ByteSize.Format(value)}";
            c.Report(ResourceFixes.MebibyteSuffix(written), written.Node.Span,
                MilliMessage(c.Subject, field, text, what, number),
                field);
        }
        else if (value < OneMebibyte)
        {
            var hint = text.All(char.IsAsciiDigit) ? $" A plain number is bytes. Did you mean {text}Mi?" : " No container runs in under 1 MiB.";
            c.Report(ResourceFixes.MebibyteSuffix(written), written.Node.Span, $"{c.Subject} has a memory {field} of \"{text}\", which is only {ByteSize.Format(value)}.{hint}", field);
        }
    }

    /// <summary>An m quantity that is a whole number of bytes: Kubernetes reads it as meant; the canonical form reads better.</summary>
    internal static string ExactMessage(string subject, string field, string text, string size, string canonical) =>
        $"{subject} has a memory {field} of \"{text}\", thousandths of a byte that make exactly {size}. Write {canonical}, so that nobody reads the m as mega.";

    /// <summary>An m quantity of less than a byte, or a fraction of one: the 512m mistake.</summary>
    internal static string MilliMessage(string subject, string field, string text, string what, string number) =>
        $"{subject} has a memory {field} of \"{text}\", which is {what}: m means milli, not mega. Did you mean {number}Mi?";
}
