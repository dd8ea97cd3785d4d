using System.Text.Json.Nodes;
using ManifestLint.Sarif;
using Xunit;
using static ManifestLint.Tests.Sarif.SarifTestData;

namespace ManifestLint.Tests.Sarif;

/// <summary>The validators must be able to fail: otherwise every "valid" above would prove nothing.</summary>
public class SarifSchemaValidatorTests
{
    [Fact]
    public void Schemas_AreCopiedToTheOutput()
    {
        Assert.True(File.Exists(Path.Combine(SarifSchemaValidator.SchemaDirectory, SarifSchemaValidator.OasisSchemaFile)));
        Assert.True(File.Exists(Path.Combine(SarifSchemaValidator.SchemaDirectory, SarifSchemaValidator.GitHubSchemaFile)));
    }

    [Fact]
    public void BothValidators_AcceptAMinimalLog()
    {
        const string json = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[]}]}""";

        Assert.Empty(SarifSchemaValidator.OasisErrors(json));
        Assert.Empty(SarifSchemaValidator.GitHubErrors(json));
    }

    [Fact]
    public void BothValidators_RejectAnUnknownLevel()
    {
        var json = Mutate(log => log["runs"]![0]!["results"]![0]!["level"] = "fatal");

        Assert.Contains(SarifSchemaValidator.OasisErrors(json), e => e.Contains("level", StringComparison.Ordinal));
        Assert.Contains(SarifSchemaValidator.GitHubErrors(json), e => e.Contains("level", StringComparison.Ordinal));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SarifSchemaValidator.AssertValid(json));
    }

    [Fact]
    public void BothValidators_RejectAWrongVersion()
    {
        var json = Mutate(log => log["version"] = "2.0.0");

        Assert.NotEmpty(SarifSchemaValidator.OasisErrors(json));
        Assert.NotEmpty(SarifSchemaValidator.GitHubErrors(json));
    }

    [Fact]
    public void BothValidators_RejectALineNumberBelowOne()
    {
        var json = Mutate(log => log["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0);

        Assert.NotEmpty(SarifSchemaValidator.OasisErrors(json));
        Assert.NotEmpty(SarifSchemaValidator.GitHubErrors(json));
    }

    [Fact]
    public void BothValidators_RejectADriverWithoutAName()
    {
        var json = Mutate(log => log["runs"]![0]!["tool"]!["driver"]!.AsObject().Remove("name"));

        Assert.NotEmpty(SarifSchemaValidator.OasisErrors(json));
        Assert.NotEmpty(SarifSchemaValidator.GitHubErrors(json));
    }

    private static string Mutate(Action<JsonNode> change)
    {
        var log = JsonNode.Parse(SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options)))!;
        change(log);
        return log.ToJsonString();
    }
}
