using System.Text;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// The <c>$(VAR)</c> expansion the kubelet applies to <c>command</c>, <c>args</c> and <c>env[].value</c>
/// (k8s.io/kubernetes <c>third_party/forked/golang/expansion/expand.go</c>): <c>$(VAR)</c> becomes VAR's value
/// when VAR is defined, <c>$$</c> becomes <c>$</c>, and anything else, an undefined or unterminated reference
/// included, stays as written. For env values only the variables defined earlier in the list are defined.
/// </summary>
public static class KubernetesExpansion
{
    /// <param name="env">The defined variables; a null value means defined but unknown here (<c>valueFrom</c>), kept as written.</param>
    public static string Expand(string input, IReadOnlyDictionary<string, string?> env) => Expand(input, env, out _);

    /// <param name="complete">False when a reference to a variable of unknown value was kept as written.</param>
    public static string Expand(string input, IReadOnlyDictionary<string, string?> env, out bool complete)
    {
        complete = true;
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }

        var result = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                result.Append(input[i]);
                continue;
            }

            var next = input[i + 1];
            var close = next == '(' ? input.IndexOf(')', i + 2) : -1;
            if (next == '$')
            {
                result.Append('$');
                i++;
            }
            else if (close >= 0)
            {
                var name = input[(i + 2)..close];
                if (env.TryGetValue(name, out var value) && value is not null)
                {
                    result.Append(value);
                }
                else
                {
                    complete &= !env.ContainsKey(name);
                    result.Append(input, i, close - i + 1);
                }

                i = close;
            }
            else
            {
                // "$x" and an unterminated "$(": the operator is kept and scanning goes on after it.
                result.Append('$');
            }
        }

        return result.ToString();
    }
}
