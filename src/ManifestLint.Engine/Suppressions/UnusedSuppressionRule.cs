using ManifestLint.Engine.Analysis;

namespace ManifestLint.Engine.Suppressions;

/// <summary>
/// ML0005: a suppression that matches no finding, names an unknown rule or directive, or names no rule. Reported by
/// the engine's suppression pass (<see cref="SuppressionProcessor"/>).
/// </summary>
public sealed class UnusedSuppressionRule() : Rule(RuleId)
{
    public const string RuleId = "ML0005";

    public override void Initialize(RuleRegistration registration)
    {
    }
}
