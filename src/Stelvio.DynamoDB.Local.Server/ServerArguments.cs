using System.Globalization;

namespace Stelvio.DynamoDB.Local.Server;

/// <summary>The server's command line, parsed into engine options; a bad argument is an error naming it and the fix.</summary>
internal static class ServerArguments
{
    public const string Usage = """
        Usage: stelvio-dynamodb-local [--port 8000] [--data DIR] [--region us-east-1] [--no-sync]

          --port N        TCP port on 127.0.0.1 (default 8000; 0 picks a free one)
          --data DIR      keep tables, items and streams in DIR across restarts (default: in memory only)
          --region R      region named in ARNs and stream records (default us-east-1)
          --no-sync       with --data: acknowledge writes once the OS has them (survive a killed server,
                          not a power loss) instead of after fdatasync
        """;

    /// <summary>Options for the arguments, or null after --help; throws <see cref="ArgumentException"/> on a bad one.</summary>
    public static LocalDynamoOptions? Parse(IReadOnlyList<string> args)
    {
        var port = 8000;
        string? data = null;
        var region = "us-east-1";
        var sync = true;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h":
                    return null;
                case "--port":
                    var text = Value(args, ref i, arg);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        throw new ArgumentException($"--port must be a TCP port from 0 to 65535, not '{text}'.");
                    }
                    break;
                case "--data":
                    data = Value(args, ref i, arg);
                    if (data.Trim().Length == 0)
                    {
                        throw new ArgumentException("--data needs a directory path; leave --data out to keep everything in memory.");
                    }
                    break;
                case "--region":
                    region = Value(args, ref i, arg);
                    if (!System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2}(-[a-z]+)+-[0-9]+$"))
                    {
                        throw new ArgumentException($"--region must be an AWS region name such as us-east-1, not '{region}'.");
                    }
                    break;
                case "--no-sync":
                    sync = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{arg}'; the arguments are --port, --data, --region, --no-sync and --help.");
            }
        }
        if (!sync && data is null)
        {
            throw new ArgumentException("--no-sync applies to a data directory; add --data DIR or leave --no-sync out.");
        }
        return new LocalDynamoOptions { Port = port, DataDirectory = data, Region = region, SyncWrites = sync };
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} needs a value, e.g. {name} {(name == "--port" ? "8000" : name == "--data" ? "./dynamodb-data" : "us-east-1")}.");
        }
        return args[++i];
    }
}
