using Stelvio.Lambda;
using Stelvio.Lambda.Serialization;
using Stelvio.LocalCloud.Tests.Functions;

// The handlers the local cloud's tests run as provided.al2023 functions; the function's Handler picks one.
return await LambdaHost.RunAsync(h => h
    .Add(TestHandlers.Echo, LambdaJsonContext.Default.JsonElement, LambdaJsonContext.Default.JsonElement)
    .Add(TestHandlers.Fail, LambdaJsonContext.Default.JsonElement, LambdaJsonContext.Default.JsonElement)
    .Add(TestHandlers.Hang, LambdaJsonContext.Default.JsonElement, LambdaJsonContext.Default.JsonElement)
    .Add(TestHandlers.Crash, LambdaJsonContext.Default.JsonElement, LambdaJsonContext.Default.JsonElement));
