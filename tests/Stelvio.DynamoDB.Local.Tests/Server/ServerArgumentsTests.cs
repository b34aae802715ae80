using Stelvio.DynamoDB.Local.Server;

namespace Stelvio.DynamoDB.Local.Tests.Server;

public sealed class ServerArgumentsTests
{
    [Fact]
    public void Defaults_are_port_8000_in_memory_in_us_east_1()
    {
        var options = ServerArguments.Parse([])!;
        Assert.Equal(8000, options.Port);
        Assert.Null(options.DataDirectory);
        Assert.Equal("us-east-1", options.Region);
        Assert.True(options.SyncWrites);
    }

    [Fact]
    public void Every_argument_is_read()
    {
        var options = ServerArguments.Parse(["--port", "9001", "--data", "/tmp/d", "--region", "eu-west-2", "--no-sync"])!;
        Assert.Equal(9001, options.Port);
        Assert.Equal("/tmp/d", options.DataDirectory);
        Assert.Equal("eu-west-2", options.Region);
        Assert.False(options.SyncWrites);
    }

    [Fact]
    public void Help_returns_no_options() => Assert.Null(ServerArguments.Parse(["--help"]));

    [Theory]
    [InlineData(new[] { "--port", "70000" }, "--port must be a TCP port from 0 to 65535, not '70000'.")]
    [InlineData(new[] { "--port", "-1" }, "--port must be a TCP port from 0 to 65535, not '-1'.")]
    [InlineData(new[] { "--port", "eight" }, "--port must be a TCP port from 0 to 65535, not 'eight'.")]
    [InlineData(new[] { "--port" }, "--port needs a value, e.g. --port 8000.")]
    [InlineData(new[] { "--data", "--port", "1" }, "--data needs a value, e.g. --data ./dynamodb-data.")]
    [InlineData(new[] { "--data", " " }, "--data needs a directory path; leave --data out to keep everything in memory.")]
    [InlineData(new[] { "--region", "Mars" }, "--region must be an AWS region name such as us-east-1, not 'Mars'.")]
    [InlineData(new[] { "--no-sync" }, "--no-sync applies to a data directory; add --data DIR or leave --no-sync out.")]
    [InlineData(new[] { "--inMemory" }, "Unknown argument '--inMemory'; the arguments are --port, --data, --region, --no-sync and --help.")]
    public void A_bad_argument_is_an_error_naming_it_and_the_fix(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => ServerArguments.Parse(args)).Message);
}
