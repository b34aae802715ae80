using Stelvio.Aws.Lambda;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.Lambda;

/// <summary>Lambda's 4 KB quota on a function's environment, measured as the JSON object Lambda stores, checked at synth.</summary>
public sealed class EnvironmentSizeTests
{
    // What the users table's link adds, once deployed: its ARN and name, after "BIG" in name order.
    private const string UsersLinkVariables =
        ",\"STLV_USERS_TABLE_ARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-users\",\"STLV_USERS_TABLE_NAME\":\"shop-test-users\"";

    [Theory]
    [InlineData(4096, true)]
    [InlineData(4097, false)]
    public void Environment_WithLinkVariables_AtLambdasLimitIsAcceptedAndOneByteMoreIsRefused(int size, bool accepted)
    {
        var value = new string('x', size - "{\"BIG\":\"\"}".Length - UsersLinkVariables.Length);
        void Declare(StelvioApp app) => new Function("worker", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Links = [GuideTables.Users()],
            Environment = { ["BIG"] = value },
        });

        if (accepted)
        {
            Assert.Equal(value, Cfn.Variables(AppSynth.Template(Declare), "WorkerFunction")["BIG"]!.GetValue<string>());
        }
        else
        {
            Errors.Single(AppSynth.Error(Declare), "Function 'worker'", "Environment",
                "the function's environment would take about 4,097 bytes (3 variables, 2 of them from links); Lambda allows at most 4,096 bytes (4 KB) " +
                "for all of a function's variables, so the deploy would fail. Remove link properties the code does not read (link.RemoveProperties(…)) or shorten the values.");
        }
    }

    [Fact]
    public void Description_LongerThanLambdaAccepts_IsRefused()
    {
        var error = AppSynth.Error(app => new Function("worker", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Description = new string('d', 257),
        }));

        Errors.Single(error, "Function 'worker'", "Description", "has 257 characters; Lambda accepts at most 256. Shorten it.");
    }
}
