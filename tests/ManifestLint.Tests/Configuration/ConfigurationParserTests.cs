using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Configuration;

public class ConfigurationParserTests
{
    private const string ConfigPath = "/repo/.manifestlint.yaml";

    [Fact]
    public void TheIssueExample_Parses()
    {
        var config = Parse("""
            rules:
              ML1001: none                       # severity only
              ML1005: { severity: note, maxRatio: 3 }
            overrides:
              - files: ["charts/legacy/**"]
                rules: { ML1006: none }
            helm:
              values: { "charts/web": ["charts/web/values-prod.yaml"] }
            exclude: ["**/testdata/**"]
            """);

        Assert.Equal(Severity.None, config.Rules.Rules["ML1001"].Severity);
        Assert.Equal(Severity.Note, config.Rules.Rules["ML1005"].Severity);
        Assert.Equal("3", config.Rules.Rules["ML1005"].Options["maxRatio"]);
        var single = Assert.Single(config.Overrides);
        Assert.Equal(["charts/legacy/**"], single.Files);
        Assert.Equal(Severity.None, single.Rules.Rules["ML1006"].Severity);
        Assert.Equal(["charts/web/values-prod.yaml"], config.Helm.Values["charts/web"]);
        Assert.Equal(["**/testdata/**"], config.Exclude);
        Assert.Equal("/repo", config.Directory);
    }

    [Fact]
    public void EveryKey_Parses()
    {
        var config = Parse("""
            rules:
              Resources: note
              Tool: { severity: warning }
              ML1007: { criticalPriorityClasses: [platform-critical, system-node-critical] }
            helm:
              releaseName: web
              namespace: prod
              kubeVersion: "1.31"
            suppressions:
              comments: true
              annotations: false
            """);

        Assert.Equal(Severity.Note, config.Rules.Categories["Resources"]);
        Assert.Equal(Severity.Warning, config.Rules.Categories["Tool"]);
        Assert.Null(config.Rules.Rules["ML1007"].Severity);
        Assert.Equal("platform-critical,system-node-critical", config.Rules.Rules["ML1007"].Options["criticalPriorityClasses"]);
        Assert.Equal(("web", "prod", "1.31"), (config.Helm.ReleaseName, config.Helm.Namespace, config.Helm.KubeVersion));
        Assert.Equal(new SuppressionConfiguration(true, false), config.Suppressions);
    }

    [Fact]
    public void TheKustomizeSection_Parses()
    {
        var config = Parse("""
            kustomize:
              path: .tools/bin/kubectl
              enableHelm: true
              loadRestrictor: none
              timeout: 120
            """);

        Assert.Equal(new KustomizeConfiguration(".tools/bin/kubectl", true, true, 120), config.Kustomize);
        Assert.False(Parse("kustomize: { loadRestrictor: LoadRestrictionsRootOnly }").Kustomize.LoadRestrictionsNone);
        Assert.Equal(KustomizeConfiguration.Empty, Parse("rules: {}").Kustomize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("rules:\nexclude:\noverrides:\n")]
    public void EmptyConfiguration_IsTheDefaults(string yaml)
    {
        var config = Parse(yaml);

        Assert.Empty(config.Rules.Rules);
        Assert.Empty(config.Overrides);
        Assert.Equal(SuppressionConfiguration.Default, config.Suppressions);
    }

    [Theory]
    [InlineData("rulez:\n  ML1001: none\n", 1, 1, "unknown top-level key 'rulez'; expected one of 'rules', 'overrides', 'helm', 'exclude', 'scopes', 'suppressions', 'images', 'usage', 'kustomize'. Did you mean 'rules'?")]
    [InlineData("rules:\n  ML9999: none\n", 2, 3, "unknown rule or category 'ML9999': no rule has this ID")]
    [InlineData("rules:\n  Memory: none\n", 2, 3, "unknown rule or category 'Memory': it is neither a rule ID nor a category; expected a rule ID such as ML1001 or one of the categories")]
    [InlineData("rules:\n  ML1001: off\n", 2, 11, "the severity of ML1001 expects error, warning, note or none, not 'off'.")]
    [InlineData("rules:\n  ML1001: [error]\n", 2, 11, "ML1001 expects a severity (error, warning, note or none) or a mapping of 'severity', not a list.")]
    [InlineData("rules:\n  ML1005:\n    severity: note\n    maxRatoi: 3\n", 4, 5, "ML1005 has no option 'maxRatoi'; expected 'severity' or one of its options: 'maxRatio'. Did you mean 'maxRatio'?")]
    [InlineData("rules:\n  ML1001: { limit: 1 }\n", 2, 13, "ML1001 has no option 'limit'; ML1001 has no options; only 'severity' can be set.")]
    [InlineData("rules:\n  ML1005: { maxRatio: \"3\" }\n", 2, 23, "option 'maxRatio' of ML1005 expects a number (such as 2), not the string \"3\".")]
    [InlineData("rules:\n  ML1005: { maxRatio: -1 }\n", 2, 23, "option 'maxRatio' of ML1005 expects a number of at least 0, not -1.")]
    [InlineData("rules:\n  ML1005: { maxRatio: [3] }\n", 2, 23, "option 'maxRatio' of ML1005 expects a number (such as 2), not a list.")]
    [InlineData("rules:\n  ML1007: { criticalPriorityClasses: platform }\n", 2, 38, "option 'criticalPriorityClasses' of ML1007 expects a list of strings")]
    [InlineData("rules:\n  Resources: { severity: note, maxRatio: 3 }\n", 2, 32, "category Resources takes only 'severity' (options belong to a rule ID); unexpected 'maxRatio'.")]
    [InlineData("rules:\n  ML1001: note\n  ML1001: none\n", 3, 3, "duplicate key 'ML1001' (first set on line 2); expected each key once.")]
    [InlineData("overrides:\n  - rules: { ML1001: none }\n", 2, 5, "an override expects 'files'")]
    [InlineData("overrides:\n  - files: [\"a/**\"]\n    rule: { ML1001: none }\n", 3, 5, "unknown key of an override 'rule'; expected one of 'files', 'rules'. Did you mean 'rules'?")]
    [InlineData("overrides:\n  files: [\"a/**\"]\n", 2, 3, "'overrides' expects a list of")]
    [InlineData("exclude: \"**/testdata/**\"\n", 1, 10, "'exclude' expects a list of path globs such as [\"**/testdata/**\"], not the string \"**/testdata/**\".")]
    [InlineData("exclude: [\"/abs/**\"]\n", 1, 11, "'exclude': expected a glob relative to the directory of the configuration file")]
    [InlineData("helm:\n  values: [\"v.yaml\"]\n", 2, 11, "'helm.values' expects a mapping of chart directories to lists of values files")]
    [InlineData("helm:\n  release: web\n", 2, 3, "unknown key of 'helm' 'release'; expected one of 'values', 'releaseName', 'namespace', 'kubeVersion', 'set', 'variants', 'timeout', 'includeTests'.")]
    [InlineData("kustomize:\n  enableHelm: yes\n", 2, 15, "kustomize.enableHelm expects true or false, not 'yes'.")]
    [InlineData("kustomize:\n  loadRestrictor: rootonly\n", 2, 19, "kustomize.loadRestrictor expects rootOnly (kustomize's default: files only from inside the kustomization's tree) or none, not 'rootonly'. Did you mean 'rootOnly'?")]
    [InlineData("kustomize:\n  timeout: 0\n", 2, 12, "kustomize.timeout expects a whole number of seconds above 0, such as 120, not '0'.")]
    [InlineData("kustomize:\n  enable-helm: true\n", 2, 3, "unknown key of 'kustomize' 'enable-helm'; expected one of 'path', 'enableHelm', 'loadRestrictor', 'timeout'. Did you mean 'enableHelm'?")]
    [InlineData("kustomize: kubectl\n", 1, 12, "'kustomize' expects a mapping with the keys 'path', 'enableHelm', 'loadRestrictor', 'timeout', not a string.")]
    [InlineData("suppressions:\n  annotations: no\n", 2, 16, "suppressions.annotations expects true or false, not 'no'.")]
    [InlineData("- rules\n", 1, 1, "expected a mapping with the keys 'rules', 'overrides', 'helm', 'exclude', 'scopes', 'suppressions', 'images', 'usage', 'kustomize', not a list.")]
    [InlineData("rules:\n  ML1001: none\n---\nrules: {}\n", 3, 1, "a configuration file holds one YAML document")]
    [InlineData("rules:\n  ML1001: none\n   ML1002: none\n", 3, 10, "Invalid YAML")]
    public void Mistakes_AreErrorsWithFileLineColumnAndWhatWasExpected(string yaml, int line, int column, string message)
    {
        var error = Assert.Single(Errors(yaml));

        Assert.Equal(".manifestlint.yaml", error.At.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.At.StartLine, error.At.StartColumn));
        Assert.StartsWith($".manifestlint.yaml({line},{column}): ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMistake_IsReported_InLineOrder()
    {
        var errors = Errors("""
            rules:
              ML1001: sometimes
              ML1005: { maxRatio: lots }
            exclude: 3
            colour: blue
            """);

        Assert.Equal([2, 3, 4, 5], errors.Select(e => e.At.StartLine));
    }

    private static ManifestLintConfig Parse(string yaml) => ConfigurationParser.Parse(ConfigPath, yaml, RuleCatalog.Default);

    private static IReadOnlyList<ConfigurationError> Errors(string yaml) =>
        Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse(ConfigPath, yaml, RuleCatalog.Default, ".manifestlint.yaml")).Errors;
}
