using BenchmarkDotNet.Attributes;

namespace Stelvio.Bench;

/// <summary>
/// Synthesis of an app of 1,000 tables (each with two global and one local index and a stream), in process.
/// Such a template is far over CloudFormation's quotas, so the stack limits are not checked here.
/// </summary>
[MemoryDiagnoser]
public class SynthBenchmarks
{
    private StelvioApp app = null!;

    [Params(1_000)]
    public int Tables { get; set; }

    [GlobalSetup]
    public void Setup() => app = LargeApp.Declare(Tables);

    /// <summary>Declaring the tables (their checks included), synthesizing and writing the template bytes.</summary>
    [Benchmark(Baseline = true)]
    public int DeclareSynthAndWrite() => LargeApp.Declare(Tables).Synth().TemplateBytes.Length;

    /// <summary>Declaring the tables only: parsing and checking each configuration.</summary>
    [Benchmark]
    public int Declare() => LargeApp.Declare(Tables).Components.Count;

    /// <summary>Synthesizing the declared app to the template model, without writing JSON.</summary>
    [Benchmark]
    public int Synth() => app.Synth().Template.Resources.Count;

    /// <summary>Synthesizing the declared app and writing the template bytes.</summary>
    [Benchmark]
    public int SynthAndWrite() => app.Synth().TemplateBytes.Length;
}
