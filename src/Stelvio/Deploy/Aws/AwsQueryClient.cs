using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Stelvio.Deploy.Aws;

/// <summary>
/// Calls one AWS service over the Query protocol: a SigV4-signed form POST of <c>Action</c>, <c>Version</c>
/// and the parameters, answered with XML. Throttling, service failures and network errors are retried
/// as <see cref="RetryPolicy"/> says, but only when repeating the request is safe: a failure that may have
/// reached the service (no answer in time, a connection lost mid-answer, a 5xx) is retried only for reads
/// and for calls carrying an idempotency token (<see cref="IsSafeToRepeat"/>). Errors become
/// <see cref="AwsServiceException"/>, an unreachable endpoint a <see cref="DeployException"/>.
/// </summary>
internal sealed partial class AwsQueryClient(
    HttpClient http,
    AwsEndpoint endpoint,
    string signingName,
    string region,
    string version,
    ICredentialSource credentials,
    RetryPolicy retry,
    TimeProvider time)
{
    /// <summary>The service's signing name: <c>cloudformation</c>, <c>sts</c>.</summary>
    public string SigningName { get; } = signingName;

    public AwsEndpoint Endpoint { get; } = endpoint;

    /// <summary>Calls <paramref name="action"/> and returns its <c>{Action}Result</c> element (empty when the response has none).</summary>
    public async Task<XElement> CallAsync(string action, QueryParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = Encoding.UTF8.GetBytes(parameters.ToFormBody(action, version));
        var repeatable = IsSafeToRepeat(action, parameters);
        var throttled = 0;
        var failed = 0;
        var uncertain = false;
        while (true)
        {
            Exception problem;
            try
            {
                var (status, text) = await SendAsync(body, cancellationToken);
                if ((int)status is >= 200 and < 300)
                {
                    return ParseResult(action, text);
                }

                var error = ParseError(action, status, text);
                error.EarlierAttemptMayHaveSucceeded = uncertain;
                if (error.IsThrottling && ++throttled < retry.MaxThrottleAttempts)
                {
                    await Task.Delay(retry.DelayBefore(throttled), time, cancellationToken);
                    continue;
                }

                if (!error.IsThrottling && error.IsTransient && repeatable && ++failed < retry.MaxTransientAttempts)
                {
                    uncertain = true;
                    await Task.Delay(retry.DelayBefore(failed), time, cancellationToken);
                    continue;
                }

                throw error;
            }
            catch (HttpRequestException exception)
            {
                problem = exception;
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The request timed out: an endpoint that accepts and does not answer would not answer a retry
                // either, and waiting again multiplies the wait. It fails now, naming the service.
                throw Unreachable(exception, null);
            }

            var neverSent = NeverReachedTheService(problem);
            if ((neverSent || repeatable) && ++failed < retry.MaxTransientAttempts)
            {
                uncertain |= !neverSent;
                await Task.Delay(retry.DelayBefore(failed), time, cancellationToken);
                continue;
            }

            throw Unreachable(problem, neverSent || uncertain ? null : action);
        }
    }

    /// <summary>
    /// Whether sending <paramref name="action"/> twice does what sending it once does: reads
    /// (<c>Describe*</c>, <c>Get*</c>, <c>List*</c>) and calls carrying an idempotency token
    /// (<c>ClientRequestToken</c>, or <c>ClientToken</c> as <c>CreateChangeSet</c> names it).
    /// </summary>
    internal static bool IsSafeToRepeat(string action, QueryParameters parameters) =>
        action.StartsWith("Describe", StringComparison.Ordinal)
        || action.StartsWith("Get", StringComparison.Ordinal)
        || action.StartsWith("List", StringComparison.Ordinal)
        || parameters.Contains("ClientRequestToken")
        || parameters.Contains("ClientToken");

    /// <summary>Whether a network failure happened before the request could reach the service (no connection at all).</summary>
    private static bool NeverReachedTheService(Exception problem) => problem is HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
    };

    private async Task<(HttpStatusCode Status, string Text)> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        var keys = await credentials.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var uri = Endpoint.Url;
        const string contentType = "application/x-www-form-urlencoded; charset=utf-8";
        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", contentType),
            new("host", uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}"),
            new("x-amz-date", SigV4.AmzDate(now)),
        };
        if (keys.SessionToken is not null)
        {
            headers.Add(new("x-amz-security-token", keys.SessionToken));
        }

        var signature = SigV4.Sign("POST", uri, headers, body, keys, region, SigningName, now);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", headers[2].Value);
        if (keys.SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", keys.SessionToken);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text);
    }

    private XElement ParseResult(string action, string text)
    {
        XElement root;
        try
        {
            root = XElement.Parse(text);
        }
        catch (XmlException exception)
        {
            throw new AwsServiceException(SigningName, action, HttpStatusCode.OK, "MalformedResponse", $"the response is not XML ({exception.Message}): {Snippet(text)}", null);
        }

        return root.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? new XElement(action + "Result");
    }

    private AwsServiceException ParseError(string action, HttpStatusCode status, string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            try
            {
                var root = XElement.Parse(trimmed);
                var error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                if (error is not null)
                {
                    var code = Child(error, "Code") ?? $"HTTP{(int)status}";
                    var message = Child(error, "Message") ?? "";
                    var requestId = Child(root, "RequestId") ?? Child(error, "RequestId");
                    return new AwsServiceException(SigningName, action, status, code, message, requestId);
                }
            }
            catch (XmlException)
            {
                // Not XML after all (an HTML error page): reported as text below.
            }
        }
        else if (trimmed.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(trimmed);
                var type = json.RootElement.TryGetProperty("__type", out var t) ? t.GetString() : null;
                var message = json.RootElement.TryGetProperty("message", out var m) || json.RootElement.TryGetProperty("Message", out m) ? m.GetString() : null;
                if (type is not null)
                {
                    return new AwsServiceException(SigningName, action, status, type[(type.LastIndexOf('#') + 1)..], message ?? "", null);
                }
            }
            catch (JsonException)
            {
                // Reported as text below.
            }
        }

        return new AwsServiceException(SigningName, action, status, $"HTTP{(int)status}", NotAnAwsError(status, text), null);
    }

    /// <summary>
    /// The message for an answer that holds no AWS error: what came back, and (unless the service failed, 5xx)
    /// what to check, since an AWS service always names its error, so the endpoint is likely not that service.
    /// </summary>
    private string NotAnAwsError(HttpStatusCode status, string text)
    {
        var snippet = Snippet(text);
        var body = snippet.Length == 0 ? "an empty body" : $"'{snippet}'";
        var answered = $"{Endpoint.Url} answered HTTP {(int)status} ({ReasonPhrase(status)}) with {body}, not an AWS error";
        if ((int)status >= 500)
        {
            return snippet.Length == 0 ? answered : snippet;
        }

        return Endpoint.IsCustom
            ? $"{answered}. Check that {Endpoint.Source} points at a server that speaks the AWS {SigningName} API (for an emulator such as moto or LocalStack, its base URL, for example http://127.0.0.1:5000), or unset it to use AWS."
            : $"{answered}. Check the region ('{region}') and any proxy between you and AWS.";
    }

    /// <summary>The standard phrase of a status ("Not Found"), as <see cref="HttpResponseMessage"/> knows it.</summary>
    private static string ReasonPhrase(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);
        return response.ReasonPhrase ?? status.ToString();
    }


    private DeployException Unreachable(Exception problem, string? unconfirmedAction)
    {
        if (unconfirmedAction is not null)
        {
            return new DeployException(
                $"{SigningName}:{unconfirmedAction} was sent to {Endpoint.Url} but no answer came back ({Reason(problem)}), so it may or may not have been carried out; it is not repeated blindly. Check the stack's state before running the command again.",
                problem);
        }

        var hint = Endpoint.IsCustom
            ? $"Is the endpoint running? It comes from {Endpoint.Source}; unset it to use AWS."
            : "Check your network connection and the region.";
        return new DeployException($"Cannot reach {SigningName} at {Endpoint.Url} ({Reason(problem)}). {hint}", problem);
    }

    private string Reason(Exception problem)
    {
        var reason = problem switch
        {
            HttpRequestException { InnerException: SocketException socket } => socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.TimedOut => "timed out",
                _ => socket.Message,
            },
            TaskCanceledException => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"no answer within {http.Timeout.TotalSeconds:0.#} s; set --timeout or STELVIO_AWS_TIMEOUT to wait longer"),
            _ => problem.Message,
        };
        return reason;
    }

    private static string? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string Snippet(string text)
    {
        var plain = WhiteSpace().Replace(Tags().Replace(text, " "), " ").Trim();
        return plain.Length <= 300 ? plain : plain[..300] + "...";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
