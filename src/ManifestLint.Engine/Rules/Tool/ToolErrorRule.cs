using ManifestLint.Engine.Analysis;

namespace ManifestLint.Engine.Rules.Tool;

/// <summary>ML0000: a rule or the model threw. The engine reports these itself (see <see cref="AnalysisEngine"/>); the rule only owns the ID and page.</summary>
public sealed class ToolErrorRule() : Rule(AnalysisEngine.ToolErrorRuleId)
{
    public override void Initialize(RuleRegistration registration)
    {
    }
}
