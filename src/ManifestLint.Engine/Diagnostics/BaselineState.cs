namespace ManifestLint.Engine.Diagnostics;

/// <summary>A finding compared with a previous run's (SARIF <c>baselineState</c>), matched by fingerprint, never by line.</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: introduced since it was recorded.</summary>
    New,

    /// <summary>In the baseline and still there.</summary>
    Unchanged,

    /// <summary>In the baseline but gone now (fixed, suppressed or deleted).</summary>
    Absent,
}
