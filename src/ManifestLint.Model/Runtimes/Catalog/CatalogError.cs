using ManifestLint.Model.Source;

namespace ManifestLint.Model.Runtimes.Catalog;

/// <summary>A mistake in an image catalog entry: where it is and what was expected there.</summary>
public sealed record CatalogError(SourceSpan At, string Message);
