// Test fixture: stands for a handler's source. Never compiled.
public static class OrderHandlers
{
    public static void ProcessChanges() { }
}
