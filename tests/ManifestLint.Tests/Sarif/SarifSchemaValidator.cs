using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NJsonSchema.Validation;
using Xunit;
using NJsonSchemaDocument = NJsonSchema.JsonSchema;
using StjSchema = Json.Schema.JsonSchema;

namespace ManifestLint.Tests.Sarif;

/// <summary>
/// Validates SARIF text against both schemas in <c>TestData/Schemas</c> (see SOURCES.md there): the OASIS
/// 2.1.0 errata schema (draft-04) with NJsonSchema, and the draft 2020-12 copy GitHub's upload-sarif action
/// checks with, with JsonSchema.Net. Two independent validators on two copies of the schema: a log both
/// accept is one GitHub accepts and one the standard allows.
/// </summary>
public static class SarifSchemaValidator
{
    public const string OasisSchemaFile = "sarif-schema-2.1.0.json";
    public const string GitHubSchemaFile = "sarif-schema-2.1.0.codeql-action-draft2020-12.json";

    private static readonly Lazy<NJsonSchemaDocument> Oasis = new(() => NJsonSchemaDocument.FromJsonAsync(ReadSchema(OasisSchemaFile)).GetAwaiter().GetResult());

    private static readonly Lazy<StjSchema> GitHub = new(LoadGitHubSchema);

    private static readonly EvaluationOptions GitHubOptions = new()
    {
        OutputFormat = OutputFormat.List,

        // node's jsonschema (what upload-sarif uses) checks formats such as uri and uri-reference; so do we.
        RequireFormatValidation = true,
    };

    public static string SchemaDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "Schemas");

    /// <summary>Errors from the OASIS draft-04 schema (NJsonSchema); empty when valid.</summary>
    public static IReadOnlyList<string> OasisErrors(string json)
    {
        var errors = new List<string>();
        Flatten(Oasis.Value.Validate(json), errors);
        return errors;
    }

    /// <summary>Errors from GitHub's draft 2020-12 copy (JsonSchema.Net); empty when valid.</summary>
    public static IReadOnlyList<string> GitHubErrors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = GitHub.Value.Evaluate(document.RootElement, GitHubOptions);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (JsonSchema.Net reported no details)"];
    }

    /// <summary>Fails with every error of both validators unless both accept <paramref name="json"/>.</summary>
    public static void AssertValid(string json)
    {
        var oasis = OasisErrors(json);
        var github = GitHubErrors(json);
        if (oasis.Count > 0 || github.Count > 0)
        {
            Assert.Fail(
                $"The SARIF log is not valid.{Environment.NewLine}OASIS draft-04 schema (NJsonSchema):{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", oasis.DefaultIfEmpty("valid"))}"
                + $"{Environment.NewLine}GitHub draft 2020-12 schema (JsonSchema.Net):{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", github.Take(40).DefaultIfEmpty("valid"))}");
        }
    }

    private static string ReadSchema(string file) => File.ReadAllText(Path.Combine(SchemaDirectory, file));

    /// <summary>
    /// GitHub's copy has a known bug (see SOURCES.md): in <c>definitions.region</c> the
    /// <c>anyOf [startLine | charOffset | byteOffset]</c> array sits inside <c>properties</c>, i.e. it is the
    /// "schema" of a property named "anyOf". node's jsonschema, which GitHub runs, ignores that, so the copy
    /// enforces nothing there; JsonSchema.Net refuses to build a schema whose property schema is an array.
    /// Removing exactly that entry (in memory; the file stays verbatim) gives JsonSchema.Net the schema GitHub
    /// effectively checks with. The region-start constraint itself is enforced by the OASIS schema.
    /// </summary>
    private static StjSchema LoadGitHubSchema()
    {
        var schema = JsonNode.Parse(ReadSchema(GitHubSchemaFile))!;
        var regionProperties = schema["definitions"]?["region"]?["properties"]?.AsObject();
        if (regionProperties?["anyOf"] is not JsonArray)
        {
            throw new InvalidOperationException($"{GitHubSchemaFile} changed: definitions.region.properties.anyOf is no longer the known misplaced array; review SarifSchemaValidator.");
        }

        regionProperties.Remove("anyOf");

        // A private registry: the schema's $id must not be registered twice in the global one.
        return StjSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> output)
    {
        foreach (var error in errors)
        {
            output.Add($"{error.Path}: {error.Kind}{(error.Property is { } p ? $" ({p})" : string.Empty)}");
            var nested = error switch
            {
                ChildSchemaValidationError child => child.Errors.Values,
                MultiTypeValidationError multi => multi.Errors.Values,
                _ => [],
            };
            foreach (var inner in nested)
            {
                Flatten(inner, output);
            }
        }
    }
}
