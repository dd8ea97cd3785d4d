using ManifestLint.Kustomize.Kustomizations;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>Which kustomizations of the input are built (overlays, and bases nothing uses) and which only through others.</summary>
public class DeployableUnitsTests
{
    private static readonly KustomizationTree Tree = new(p => Path.GetRelativePath(KustomizeTool.Fixtures, p));

    private static string Dir(string relative) => Path.GetFullPath(Path.Combine(KustomizeTool.Fixtures, relative));

    private static UnitPlan Plan(params string[] directories) => DeployableUnits.Plan(directories.Select(Dir), Tree);

    [Fact]
    public void OverlaysAreUnits_TheirBaseAndComponentAreNot()
    {
        var plan = Plan("shop/base", "shop/components/jvm-tuning", "shop/overlays/dev", "shop/overlays/prod");

        Assert.Equal([Dir("shop/overlays/dev"), Dir("shop/overlays/prod")], plan.Units);
        Assert.Equal([Dir("shop/base"), Dir("shop/components/jvm-tuning")], plan.Bases);
        Assert.Empty(plan.Cycles);
    }

    [Fact]
    public void ABaseNothingInTheInputUses_IsAUnitOfItsOwn()
    {
        Assert.Equal([Dir("shop/base")], Plan("shop/base").Units);
    }

    [Fact]
    public void AComponentNothingUses_IsNotBuilt()
    {
        var plan = Plan("shop/components/jvm-tuning");

        Assert.Empty(plan.Units);
        Assert.Equal([Dir("shop/components/jvm-tuning")], plan.Bases);
    }

    [Fact]
    public void ACycle_IsOneProblem_AndNoUnit()
    {
        var plan = Plan("errors/cycle/a", "errors/cycle/b");

        Assert.Empty(plan.Units);
        var cycle = Assert.Single(plan.Cycles);
        Assert.Equal(Dir("errors/cycle/a"), cycle.Unit);
        Assert.Contains("errors/cycle/a -> errors/cycle/b -> errors/cycle/a", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverlayReachingACycle_GetsTheCycleProblem_InsteadOfABuild()
    {
        var overlay = Path.Combine(Path.GetTempPath(), "ml-cycle-overlay-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(overlay);
        try
        {
            File.WriteAllText(Path.Combine(overlay, "kustomization.yaml"), $"resources:\n- {Path.GetRelativePath(overlay, Dir("errors/cycle/a"))}\n");
            var plan = DeployableUnits.Plan([overlay, Dir("errors/cycle/a"), Dir("errors/cycle/b")], Tree);

            Assert.Empty(plan.Units);
            Assert.Equal(overlay, Assert.Single(plan.Cycles).Unit);
        }
        finally
        {
            Directory.Delete(overlay, recursive: true);
        }
    }

    [Theory]
    [InlineData("https://github.com/org/repo//deploy?ref=v1", true)]
    [InlineData("git@github.com:org/repo.git//deploy", true)]
    [InlineData("github.com/org/repo/deploy?ref=main", true)]
    [InlineData("../base", false)]
    [InlineData("missing.yaml", false)]
    public void RemoteEntries_AreToldFromLocalOnes(string entry, bool remote)
    {
        Assert.Equal(remote, RemoteReference.IsRemote(entry, Dir("shop/overlays/dev")));
    }
}
