using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// An exception inside a rule, on one resource, is an ML0000 naming the rule and the resource; the other rules, and
/// the same rule on other resources, still run. So is an internal failure while reading a file.
/// </summary>
public class ToolErrorTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: boom
        spec:
          containers:
            - name: app
              resources:
                requests: {memory: 64Mi}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: calm
        spec:
          containers:
            - name: app
              resources:
                requests: {cpu: 100m}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: scaler}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: gone}
          minReplicas: 1
          maxReplicas: 2
          metrics: [{type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}}]

        """;

    public enum Stage
    {
        File,
        Resource,
        Pod,
        Container,
        InputSet,
    }

    [Theory]
    [InlineData(Stage.File, "Internal error in rule ML1002: InvalidOperationException: thrown on purpose")]
    [InlineData(Stage.Resource, "Internal error in rule ML1002 on Pod default/boom: InvalidOperationException: thrown on purpose")]
    [InlineData(Stage.Pod, "Internal error in rule ML1002 on Pod default/boom: InvalidOperationException: thrown on purpose")]
    [InlineData(Stage.Container, "Internal error in rule ML1002 on Pod default/boom, container \"app\": InvalidOperationException: thrown on purpose")]
    [InlineData(Stage.InputSet, "Internal error in rule ML1002")]
    public void ARuleThatThrows_IsML0000NamingTheRuleAndResource_AndEverythingElseStillRuns(Stage stage, string message)
    {
        var engine = new AnalysisEngine(CatalogWith(new ThrowingRule(stage)));

        var diagnostics = engine.Analyze([AnalysisInput.FromText("pods.yaml", Manifests)]).Diagnostics;

        var error = Assert.Single(diagnostics, d => d.RuleId == "ML0000");
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, diagnostics.Count(d => d.RuleId == "ML1001"));
        Assert.Contains(diagnostics, d => d.RuleId == "ML6005");
        if (stage is Stage.Resource or Stage.Pod or Stage.Container)
        {
            Assert.Contains(diagnostics, d => d.RuleId == "ML1002" && d.Message.Contains("calm", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(typeof(StackOverflowInsteadException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(IndexOutOfRangeException))]
    [InlineData(typeof(KeyNotFoundException))]
    [InlineData(typeof(FormatException))]
    [InlineData(typeof(OverflowException))]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(TaskCanceledException))]
    public void AnyExceptionTypeFromARule_IsML0000(Type exception)
    {
        var engine = new AnalysisEngine(CatalogWith(new ThrowingRule(Stage.Container, () => (Exception)Activator.CreateInstance(exception)!)));

        var diagnostics = engine.Analyze([AnalysisInput.FromText("pods.yaml", Manifests)]).Diagnostics;

        Assert.Single(diagnostics, d => d.RuleId == "ML0000");
        Assert.Equal(1, diagnostics.Count(d => d.RuleId == "ML1001"));
    }

    [Theory]
    [InlineData(Stage.File)]
    [InlineData(Stage.Container)]
    [InlineData(Stage.InputSet)]
    public void AnOperationCanceledExceptionForAnotherCancelledToken_IsML0000_AndTheRunGoesOn(Stage stage)
    {
        // A cancelled token of the rule's own (a timeout inside it, say) is not the run's cancellation (issue 16).
        using var own = new CancellationTokenSource();
        own.Cancel();
        using var run = new CancellationTokenSource();
        var engine = new AnalysisEngine(CatalogWith(new ThrowingRule(stage, () => new OperationCanceledException(own.Token))));

        var diagnostics = engine.Analyze([AnalysisInput.FromText("pods.yaml", Manifests)], cancellation: run.Token).Diagnostics;

        Assert.Single(diagnostics, d => d.RuleId == "ML0000");
        Assert.Contains(diagnostics, d => d.RuleId == "ML1001");
    }

    [Fact]
    public void AReaderThatThrowsAnotherTokensCancellation_IsML0000ForThatFile_AndTheOtherFilesAreLinted()
    {
        using var own = new CancellationTokenSource();
        own.Cancel();
        var bad = new AnalysisInput("bad.yaml", () => throw new OperationCanceledException(own.Token));

        var diagnostics = new AnalysisEngine().Analyze([bad, AnalysisInput.FromText("ok.yaml", Lint.PodWithoutLimit)]).Diagnostics;

        Assert.Equal("bad.yaml", Assert.Single(diagnostics, d => d.RuleId == "ML0000").Location.Path);
        Lint.WitnessFound(diagnostics, "ok.yaml");
    }

    [Fact]
    public void ARuleThatThrowsOnEveryResource_OfManyFiles_InParallel_IsOneML0000EachAndNoCrash()
    {
        var engine = new AnalysisEngine(CatalogWith(new ThrowingRule(Stage.Container)));
        var inputs = Enumerable.Range(0, 200).Select(i => AnalysisInput.FromText($"f{i:000}.yaml", Manifests)).ToList();

        var diagnostics = engine.Analyze(inputs, AnalysisOptions.Default with { MaxParallelism = 4 }).Diagnostics;

        Assert.Equal(200, diagnostics.Count(d => d.RuleId == "ML0000"));
        Assert.Equal(200, diagnostics.Count(d => d.RuleId == "ML1001"));
    }

    [Fact]
    public void AReaderThatFailsUnexpectedly_IsML0000ForThatFile_AndTheOtherFilesAreLinted()
    {
        var bad = new AnalysisInput("bad.yaml", () => throw new InvalidOperationException("reader bug"));

        var diagnostics = new AnalysisEngine().Analyze([bad, AnalysisInput.FromText("ok.yaml", Lint.PodWithoutLimit)]).Diagnostics;

        var error = Assert.Single(diagnostics, d => d.RuleId == "ML0000");
        Assert.Equal("bad.yaml", error.Location.Path);
        Assert.Contains("reader bug", error.Message, StringComparison.Ordinal);
        Lint.WitnessFound(diagnostics, "ok.yaml");
    }

    [Fact]
    public void ToolErrors_AreInTheSarifLogAsResultsAndNotifications()
    {
        var engine = new AnalysisEngine(CatalogWith(new ThrowingRule(Stage.Container)));
        var result = engine.Analyze([AnalysisInput.FromText("pods.yaml", Manifests)]);
        using var stream = new MemoryStream();

        ManifestLint.Sarif.SarifWriter.Write(ManifestLint.Sarif.SarifWriter.Build(result, CatalogWith(new ThrowingRule(Stage.Container)), new ManifestLint.Sarif.SarifOptions(Path.GetTempPath(), Path.GetTempPath(), "1.0.0")), stream);

        var json = Encoding.UTF8.GetString(stream.ToArray());
        ManifestLint.Tests.Sarif.SarifSchemaValidator.AssertValid(json);
        Assert.Contains("\"toolExecutionNotifications\"", json, StringComparison.Ordinal);
        Assert.Contains("Internal error in rule ML1002", json, StringComparison.Ordinal);
    }

    /// <summary>The built-in catalog with ML1002's logic replaced by <paramref name="rule"/> (same ID, same page).</summary>
    private static RuleCatalog CatalogWith(ThrowingRule rule) =>
        new([.. BuiltInRules.Create().Where(r => r.Id != rule.Id), rule], RuleCatalog.LoadEmbeddedPages(), BuiltInRules.DescriptorOnly);

    private sealed class StackOverflowInsteadException : Exception
    {
    }

    /// <summary>ML1002 that throws at one stage, on the resource named "boom" (every time for the file and input-set stages).</summary>
    private sealed class ThrowingRule(Stage stage, Func<Exception>? create = null) : Rule("ML1002")
    {
        private readonly Func<Exception> create = create ?? (() => new InvalidOperationException("thrown on purpose"));

        public override void Initialize(RuleRegistration registration)
        {
            var inner = new ManifestLint.Engine.Rules.Resources.MemoryRequestMissingRule();
            inner.Initialize(registration);
            switch (stage)
            {
                case Stage.File:
                    registration.RegisterFileAction(_ => throw create());
                    break;
                case Stage.Resource:
                    registration.RegisterResourceAction(c => Throw(c.Resource.Name));
                    break;
                case Stage.Pod:
                    registration.RegisterPodAction(c => Throw(c.Workload.Resource.Name));
                    break;
                case Stage.Container:
                    registration.RegisterContainerAction(c => Throw(c.Workload.Resource.Name));
                    break;
                case Stage.InputSet:
                    registration.RegisterInputSetAction(_ => throw create());
                    break;
            }
        }

        private void Throw(string name)
        {
            if (name == "boom")
            {
                throw create();
            }
        }
    }
}
