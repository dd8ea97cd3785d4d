using BenchmarkDotNet.Running;
using ManifestLint.Benchmarks;

// `corpus`, `floor` and `finding-cost` serve scripts/bench.sh, `engine` and `loop` profiling; anything else goes to BenchmarkDotNet (`--filter '*'`, `--list flat` ...).
return args switch
{
    ["corpus", .. var rest] => CorpusCommand.Run(rest, Console.Out),
    ["floor", .. var rest] => FloorCommand.Run(rest, Console.Out),
    ["engine", .. var rest] => EngineCommand.Run(rest, Console.Out),
    ["loop", .. var rest] => LoopCommand.Run(rest, Console.Out),
    ["finding-cost", .. var rest] => FindingCostCommand.Run(rest, Console.Out),
    _ => BenchmarkSwitcher.FromAssembly(typeof(CorpusCommand).Assembly).Run(args).Any() ? 0 : 1,
};
