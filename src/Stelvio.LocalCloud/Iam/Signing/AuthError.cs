namespace Stelvio.LocalCloud.Iam.Signing;

/// <summary>
/// A request refused before authorization, as AWS refuses it: <c>InvalidSignatureException</c>,
/// <c>IncompleteSignatureException</c> or <c>UnrecognizedClientException</c>, with AWS's message.
/// </summary>
internal sealed record AuthError(string Type, string Message);
