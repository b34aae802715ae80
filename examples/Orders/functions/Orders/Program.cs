using Orders.Functions;
using Stelvio.Lambda;
using Stelvio.Lambda.Serialization;

// The handlers this binary offers; the function's Handler (for example
// "functions/Orders::OrderHandlers.ProcessChanges" in the app) picks one.
return await LambdaHost.RunAsync(h => h
    .Add(OrderHandlers.ProcessChanges)
    .Add(InventoryHandlers.UpdateStock)
    .Add(UserHandlers.Handle, LambdaJsonContext.Default.JsonElement, FunctionsJsonContext.Default.UserResult));
