namespace Hostnet.Bench;

/// <summary>Entry point. <c>--hello</c> returns before anything else loads: it is P5's trivial-program baseline.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--hello"])
        {
            Console.WriteLine("hello");
            return 0;
        }

        return BenchProgram.Run(args);
    }
}
