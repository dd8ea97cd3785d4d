using ManifestLint.Model.Runtimes;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class KubernetesExpansionTests
{
    private static readonly Dictionary<string, string?> Env = new(StringComparer.Ordinal)
    {
        ["HEAP"] = "768m",
        ["EMPTY"] = string.Empty,
        ["SECRET"] = null,
    };

    // Cases from k8s.io/kubernetes third_party/forked/golang/expansion/expand_test.go, adapted.
    [Theory]
    [InlineData("-Xmx$(HEAP)", "-Xmx768m")]
    [InlineData("$(HEAP)$(HEAP)", "768m768m")]
    [InlineData("x$(EMPTY)y", "xy")]
    [InlineData("$(UNDEFINED)", "$(UNDEFINED)")]
    [InlineData("$$(HEAP)", "$(HEAP)")]
    [InlineData("$$$(HEAP)", "$768m")]
    [InlineData("$$", "$")]
    [InlineData("$$$$", "$$")]
    [InlineData("$HEAP", "$HEAP")]
    [InlineData("${HEAP}", "${HEAP}")]
    [InlineData("$(HEAP", "$(HEAP")]
    [InlineData("$(", "$(")]
    [InlineData("$", "$")]
    [InlineData("a$", "a$")]
    [InlineData("$()", "$()")]
    [InlineData("$(HEAP)$(", "768m$(")]
    [InlineData("$(HE$(HEAP)AP)", "$(HE$(HEAP)AP)")]
    [InlineData("no references", "no references")]
    public void Expand_FollowsTheKubeletRules(string input, string expected)
    {
        Assert.Equal(expected, KubernetesExpansion.Expand(input, Env));
    }

    [Fact]
    public void ReferenceToAVariableOfUnknownValue_IsKeptAndMarkedIncomplete()
    {
        var result = KubernetesExpansion.Expand("-Xmx$(SECRET)", Env, out var complete);

        Assert.Equal("-Xmx$(SECRET)", result);
        Assert.False(complete);
    }

    [Fact]
    public void ReferenceToAnUndefinedVariable_IsCompleteBecauseKubernetesKeepsItAsWritten()
    {
        KubernetesExpansion.Expand("$(NOPE)", Env, out var complete);

        Assert.True(complete);
    }
}
