using ManifestLint.Engine.Analysis;

namespace ManifestLint.Engine.Rules.Tool;

/// <summary>
/// ML0002: a Helm chart that <c>helm template</c> cannot render. The Helm front end (ManifestLint.Helm) reports
/// these itself, at the chart's Chart.yaml; the rule only owns the ID and page.
/// </summary>
public sealed class HelmRenderFailedRule() : Rule(RuleId)
{
    public const string RuleId = "ML0002";

    public override void Initialize(RuleRegistration registration)
    {
    }
}
