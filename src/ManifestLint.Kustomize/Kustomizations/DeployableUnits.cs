using ManifestLint.Model.Source;

namespace ManifestLint.Kustomize.Kustomizations;

/// <summary>Why a kustomization is not built or did not build: one ML0002 finding at <see cref="At"/>.</summary>
/// <param name="Unit">The deployable unit (absolute directory) the problem stops.</param>
internal sealed record KustomizeProblem(string Unit, string Message, SourceSpan At);

/// <summary>The kustomizations of the input sorted into what is built and what is linted only through others.</summary>
/// <param name="Units">Directories to build, each a deployable unit (an overlay, or a base nothing in the input uses), in path order.</param>
/// <param name="Bases">Directories that another kustomization of the input includes: linted through the units that use them.</param>
/// <param name="Cycles">One problem per include cycle, at the entry that closes it.</param>
internal sealed record UnitPlan(IReadOnlyList<string> Units, IReadOnlyList<string> Bases, IReadOnlyList<KustomizeProblem> Cycles);

/// <summary>
/// Which kustomizations are deployable units. A kustomization that another kustomization in the input includes (as a
/// resource, a <c>bases:</c> entry or a component) is a base: it is linted only through the overlays that use it,
/// unless none does (a component nothing uses is never built: it has nothing to apply to). Directories that include
/// each other in a cycle are reported, never built.
/// </summary>
internal static class DeployableUnits
{
    public static UnitPlan Plan(IEnumerable<string> directories, KustomizationTree tree)
    {
        var inputs = directories.Distinct(StringComparer.Ordinal).Where(d => tree.Get(d) is not null).Order(StringComparer.Ordinal).ToList();
        var inInput = inputs.ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in inputs)
        {
            foreach (var (included, _) in KustomizationTree.Includes(tree.Get(directory)!))
            {
                if (included != directory && inInput.Contains(included))
                {
                    used.Add(included);
                }
            }
        }

        var cycles = FindCycles(inputs, tree);
        var inCycle = cycles.SelectMany(c => c.Members).ToHashSet(StringComparer.Ordinal);
        // A component nothing uses is not built: it is a set of changes, with nothing of its own to apply them to.
        var units = inputs.Where(d => !used.Contains(d) && !tree.Get(d)!.IsComponent).ToList();
        var problems = new List<KustomizeProblem>();
        foreach (var cycle in cycles)
        {
            // Units that build through the cycle get its problem; a cycle no unit reaches is reported at its first member.
            var reaching = units.Where(u => tree.Closure(u).Any(k => cycle.Members.Contains(k.Directory))).ToList();
            foreach (var unit in reaching.Count > 0 ? reaching : [cycle.Members.Order(StringComparer.Ordinal).First()])
            {
                problems.Add(new KustomizeProblem(unit, cycle.Message, cycle.At));
            }
        }

        var blocked = problems.Select(p => p.Unit).ToHashSet(StringComparer.Ordinal);
        return new UnitPlan(
            [.. units.Where(u => !blocked.Contains(u))],
            [.. inputs.Where(d => !units.Contains(d))],
            problems);
    }

    private sealed record Cycle(HashSet<string> Members, string Message, SourceSpan At);

    /// <summary>Include cycles reachable from the inputs (depth-first, three colours), each once.</summary>
    private static List<Cycle> FindCycles(List<string> inputs, KustomizationTree tree)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the stack, 2 done
        var stack = new List<string>();
        var found = new List<Cycle>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            Visit(input);
        }

        return found;

        void Visit(string directory)
        {
            if (state.GetValueOrDefault(directory) != 0 || tree.Get(directory) is not { } file)
            {
                return;
            }

            state[directory] = 1;
            stack.Add(directory);
            foreach (var (included, entry) in KustomizationTree.Includes(file))
            {
                switch (state.GetValueOrDefault(included))
                {
                    case 0:
                        Visit(included);
                        break;
                    case 1:
                        var members = stack.Skip(stack.IndexOf(included)).ToList();
                        if (keys.Add(string.Join('\n', members.Order(StringComparer.Ordinal))))
                        {
                            var names = members.Append(included).Select(m => tree.Display(m));
                            found.Add(new Cycle(
                                members.ToHashSet(StringComparer.Ordinal),
                                $"The kustomizations include each other in a cycle ({string.Join(" -> ", names)}): kustomize cannot build them, so they were not linted. Remove the include that closes the cycle.",
                                entry.Span));
                        }

                        break;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[directory] = 2;
        }
    }
}
