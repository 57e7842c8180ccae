namespace ResolutionTracker.Web.Exports;

public static class ExportServices
{
    // PdfPrinter holds the one headless browser of the app: a singleton, disposed (browser closed) on shutdown.
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<PdfPrinter>();
        return services;
    }
}
