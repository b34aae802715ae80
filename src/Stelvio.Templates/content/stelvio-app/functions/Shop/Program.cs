using Shop.Functions;
using Stelvio.Lambda;

// The handlers this binary offers; a function's Handler ("functions/Shop::OrderHandlers.GetOrder") picks one.
return await LambdaHost.RunAsync(h => h
    .Add(OrderHandlers.ProcessChanges)
    .Add(OrderHandlers.GetOrder, FunctionsJsonContext.Default.OrderKey, FunctionsJsonContext.Default.OrderResult));
