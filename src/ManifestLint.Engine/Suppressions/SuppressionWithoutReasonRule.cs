using ManifestLint.Engine.Analysis;

namespace ManifestLint.Engine.Suppressions;

/// <summary>ML0004: a suppression with no reason after <c>--</c>. Reported by the engine's suppression pass (<see cref="SuppressionProcessor"/>).</summary>
public sealed class SuppressionWithoutReasonRule() : Rule(RuleId)
{
    public const string RuleId = "ML0004";

    public override void Initialize(RuleRegistration registration)
    {
    }
}
