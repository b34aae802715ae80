using System.Runtime.CompilerServices;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Stelvio.Deploy.Tests.Support;

/// <summary>
/// Makes the test process hermetic: no AWS credentials or profiles of the machine leak in, and the SDK
/// never probes the EC2 instance metadata address (only loopback traffic leaves these tests).
/// Tests give credentials and endpoints through <see cref="DeployServices.Environment"/> instead.
/// </summary>
internal static class TestEnvironment
{
    /// <summary>A folder with the test's own ~/.aws/config and credentials.</summary>
    public static string AwsFolder { get; } = Path.Combine(Path.GetTempPath(), "stelvio-deploy-tests-aws-" + Environment.ProcessId);

    [ModuleInitializer]
    internal static void Initialize()
    {
        foreach (var name in new[]
        {
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
            "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CLOUDFORMATION", "AWS_ENDPOINT_URL_S3",
            "AWS_ENDPOINT_URL_STS", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        })
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Directory.CreateDirectory(AwsFolder);
        File.WriteAllText(Path.Combine(AwsFolder, "config"), """
            [profile keys]
            region = eu-central-1

            [profile sso-dev]
            sso_session = corp
            sso_account_id = 111111111111
            sso_role_name = Deployer
            region = eu-west-1

            [sso-session corp]
            sso_start_url = https://stelvio-tests.invalid/start
            sso_region = eu-west-1
            """);
        File.WriteAllText(Path.Combine(AwsFolder, "credentials"), """
            [keys]
            aws_access_key_id = AKIDPROFILEKEYS
            aws_secret_access_key = profile-secret
            """);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(AwsFolder, "config"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(AwsFolder, "credentials"));
    }
}
